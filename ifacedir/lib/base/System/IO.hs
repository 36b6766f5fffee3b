{-# LANGUAGE NoImplicitPrelude #-}
-- | Input and output on the standard handles and on files.
module System.IO
  ( IO, FilePath, Handle, IOError
  , stdin, stdout, stderr
  , putChar, putStr, putStrLn, print
  , getChar, getLine, getContents, interact, isEOF
  , readFile, writeFile, appendFile, readIO, readLn
  , hPutChar, hPutStr, hPutStrLn, hPrint, hFlush
  , hGetLine, hGetChar, hGetContents, hIsEOF
  , BufferMode(NoBuffering, LineBuffering, BlockBuffering), hSetBuffering
  , ioError, userError
  ) where

import GHC.Types
import GHC.Prim
import GHC.Base
import GHC.Num
import GHC.Show
import GHC.Read

-- | File names are strings.
type FilePath = String

stdin, stdout, stderr :: Handle
stdin = primStdin
stdout = primStdout
stderr = primStderr

-- | Raises an I/O error in the IO monad.
ioError :: IOError -> IO a
ioError = primIoError

-- | An error raised by the program; shown as @user error (message)@.
userError :: String -> IOError
userError = primUserError

instance Show IOError where
  showsPrec _ e = showString (primShowIOError e)

hPutStr :: Handle -> String -> IO ()
hPutStr = primHPutStr

hPutStrLn :: Handle -> String -> IO ()
hPutStrLn h s = primHPutStr h (s ++ "\n")

hPutChar :: Handle -> Char -> IO ()
hPutChar h c = primHPutStr h [c]

hPrint :: Show a => Handle -> a -> IO ()
hPrint h x = hPutStrLn h (show x)

hFlush :: Handle -> IO ()
hFlush = primHFlush

-- | Reads a line; at end of file raises @<stdin>: hGetLine: end of file@.
hGetLine :: Handle -> IO String
hGetLine = primHGetLine

hGetChar :: Handle -> IO Char
hGetChar = primHGetChar

-- | The rest of the input, read lazily.
hGetContents :: Handle -> IO String
hGetContents = primHGetContents

hIsEOF :: Handle -> IO Bool
hIsEOF = primHIsEOF

data BufferMode = NoBuffering | LineBuffering | BlockBuffering (Maybe Int)

instance Eq BufferMode where
  NoBuffering == NoBuffering = True
  LineBuffering == LineBuffering = True
  BlockBuffering a == BlockBuffering b = a == b
  _ == _ = False

instance Show BufferMode where
  showsPrec _ NoBuffering = showString "NoBuffering"
  showsPrec _ LineBuffering = showString "LineBuffering"
  showsPrec d (BlockBuffering m) =
    showParen (d > 10) (showString "BlockBuffering " . showsPrec 11 m)

hSetBuffering :: Handle -> BufferMode -> IO ()
hSetBuffering h NoBuffering = primHSetBuffering h 0
hSetBuffering h LineBuffering = primHSetBuffering h 1
hSetBuffering h (BlockBuffering _) = primHSetBuffering h 2

putChar :: Char -> IO ()
putChar = hPutChar stdout

putStr :: String -> IO ()
putStr = hPutStr stdout

putStrLn :: String -> IO ()
putStrLn = hPutStrLn stdout

print :: Show a => a -> IO ()
print x = putStrLn (show x)

getChar :: IO Char
getChar = hGetChar stdin

getLine :: IO String
getLine = hGetLine stdin

getContents :: IO String
getContents = hGetContents stdin

isEOF :: IO Bool
isEOF = hIsEOF stdin

-- | @interact f@ reads all input lazily, writes @f@ of it.
interact :: (String -> String) -> IO ()
interact f = do
  s <- getContents
  putStr (f s)

readFile :: FilePath -> IO String
readFile = primReadFile

writeFile :: FilePath -> String -> IO ()
writeFile = primWriteFile

appendFile :: FilePath -> String -> IO ()
appendFile = primAppendFile

-- | Reads a value, raising a user error on failure.
readIO :: Read a => String -> IO a
readIO s = case [x | (x, t) <- reads s, ("", "") <- lex t] of
  [x] -> return x
  [] -> ioError (userError "Prelude.readIO: no parse")
  _ -> ioError (userError "Prelude.readIO: ambiguous parse")

readLn :: Read a => IO a
readLn = getLine >>= readIO
