module Main (main) where

import Bank.Account
import Control.Monad (foldM)

-- A client of the abstract Bank.Account: transactions run in the Either
-- monad with foldM; the first error stops a sequence. Record fields are
-- exported as plain functions (owner, balance, history).
runAll :: Account -> [Transaction] -> Either AccountError Account
runAll = foldM (flip apply)

report :: Either AccountError Account -> String
report (Left err) = "error: " ++ show err
report (Right acct) = "ok: " ++ show acct

main :: IO ()
main = do
  let alice = open "alice"
  putStrLn (report (runAll alice [Deposit 100, Withdraw 30, Fee 2]))
  putStrLn (report (runAll alice [Deposit 50, Withdraw 80, Deposit 1000]))
  putStrLn (report (runAll alice [Deposit 10, Withdraw (-5)]))
  case runAll (open "bob") [Deposit 5, Deposit 7, Withdraw 12] of
    Right acct -> do
      print (owner acct, balance acct)
      print (reverse (history acct))
    Left err -> print err
  print (either (const 0) balance (apply (Deposit 1) alice))
