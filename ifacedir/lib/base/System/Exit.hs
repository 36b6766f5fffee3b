{-# LANGUAGE NoImplicitPrelude #-}
-- | Ending the program with an exit status.
module System.Exit
  ( ExitCode(ExitSuccess, ExitFailure)
  , exitWith, exitFailure, exitSuccess, die
  ) where

import GHC.Types
import GHC.Prim
import GHC.Base
import GHC.Num
import GHC.Show
import GHC.Read
import System.IO

data ExitCode = ExitSuccess | ExitFailure Int

instance Eq ExitCode where
  ExitSuccess == ExitSuccess = True
  ExitFailure a == ExitFailure b = a == b
  _ == _ = False

instance Ord ExitCode where
  compare ExitSuccess ExitSuccess = EQ
  compare ExitSuccess (ExitFailure _) = LT
  compare (ExitFailure _) ExitSuccess = GT
  compare (ExitFailure a) (ExitFailure b) = compare a b

instance Show ExitCode where
  showsPrec _ ExitSuccess = showString "ExitSuccess"
  showsPrec d (ExitFailure n) = showParen (d > 10) (showString "ExitFailure " . showsPrec 11 n)

instance Read ExitCode where
  readsPrec d r =
    readParen False (\r' -> [(ExitSuccess, t) | ("ExitSuccess", t) <- lex r']) r
      ++ readParen (d > 10) (\r' -> [(ExitFailure n, u) | ("ExitFailure", t) <- lex r', (n, u) <- readsPrec 11 t]) r

-- | Ends the program (after flushing stdout and stderr) with the status.
-- @ExitFailure 0@ is an error, as in GHC.
exitWith :: ExitCode -> IO a
exitWith ExitSuccess = primExitWith 0
exitWith (ExitFailure n)
  | n == 0 = ioError (userError "exitWith: invalid argument (ExitFailure 0)")
  | otherwise = primExitWith n

exitFailure :: IO a
exitFailure = exitWith (ExitFailure 1)

exitSuccess :: IO a
exitSuccess = exitWith ExitSuccess

-- | Writes the message to stderr and exits with status 1.
die :: String -> IO a
die err = hPutStrLn stderr err >> exitFailure
