-- Data.Char.
import Data.Char

main :: IO ()
main = do
  let cs = "aZ09 _\t\n!~\160\255\256\1234\8232\12354\65296" :: String
  print (map isAlpha cs, map isUpper cs, map isLower cs)
  print (map isDigit cs, map isAlphaNum cs, map isSpace cs, map isPunctuation cs)
  print (map isControl cs, map isPrint cs, map isSymbol cs, map isHexDigit "09afAFgG", map isOctDigit "0789")
  print (map isAscii cs, map isLatin1 cs, map isSeparator cs, map isNumber cs, map isMark "a\768", map isLetter cs)
  print (map generalCategory cs)
  print (map toUpper "hello \223\255\1234\42849", map toLower "HELLO \304\1024", map toTitle "a\452")
  print (map digitToInt "0123456789abcdefABCDEF", map intToDigit (enumFromTo 0 15))
  print (ord 'a', chr 97, ord maxBound, map ord "\0\DEL\200", isAsciiUpper 'A', isAsciiLower 'A')
  print (enumFromTo minBound maxBound :: [GeneralCategory])
  print (succ UppercaseLetter, pred NotAssigned, fromEnum Space, toEnum 3 :: GeneralCategory, compare Space Control, Space == Space)
  print (showLitChar '\n' "", lexLitChar "\\nabc", readLitChar "\\nabc", lexLitChar "\\SOHx", readLitChar "\\123x")
