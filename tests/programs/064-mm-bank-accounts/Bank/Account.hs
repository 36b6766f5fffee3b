module Bank.Account
  ( Account
  , AccountError (..)
  , Transaction (..)
  , open
  , balance
  , owner
  , apply
  , history
  ) where

-- An abstract account type: the balance can change only through apply,
-- which refuses overdrafts and bad amounts with an error value.
data Account = Account
  { owner :: String
  , balance :: Integer
  , history :: [Transaction]
  }

data Transaction = Deposit Integer | Withdraw Integer | Fee Integer
  deriving (Show, Eq)

data AccountError
  = Insufficient String Integer Integer
  | BadAmount Transaction
  deriving Show

instance Show Account where
  show a = owner a ++ ": " ++ show (balance a) ++ " after " ++ show (length (history a)) ++ " transactions"

open :: String -> Account
open name = Account name 0 []

apply :: Transaction -> Account -> Either AccountError Account
apply t acct
  | amount t <= 0 = Left (BadAmount t)
  | delta t + balance acct < 0 = Left (Insufficient (owner acct) (balance acct) (amount t))
  | otherwise = Right acct { balance = balance acct + delta t, history = t : history acct }
  where
    amount (Deposit n) = n
    amount (Withdraw n) = n
    amount (Fee n) = n
    delta (Deposit n) = n
    delta (Withdraw n) = negate n
    delta (Fee n) = negate n
