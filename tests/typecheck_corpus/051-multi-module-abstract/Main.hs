import qualified Data.Stack as S

drain s = case S.pop s of
  Nothing -> []
  Just (x, s') -> x : drain s'

main :: IO ()
main = do
  let s = S.push 'c' (S.fromList "ab")
  print (S.top s, S.size s)
  print (drain s)
  print (drain (S.push (1 :: Int) S.empty))
