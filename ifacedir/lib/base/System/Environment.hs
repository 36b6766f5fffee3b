{-# LANGUAGE NoImplicitPrelude #-}
-- | The program's command line.
module System.Environment
  ( getArgs, getProgName
  ) where

import GHC.Types
import GHC.Prim
import GHC.Base

-- | The command-line arguments, without the program name.
getArgs :: IO [String]
getArgs = primGetArgs

getProgName :: IO String
getProgName = primGetProgName
