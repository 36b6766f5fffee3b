halve = (`div` 2)
prepend = ("pre-" ++)
pow2 = (2 ^)

main :: IO ()
main = do
  print (map (10 -) [1, 2, 3], map (subtract 1) [1, 2, 3])
  print (map (^ 2) [1 .. 5], map pow2 [0 .. 4])
  print (halve 9, map (`elem` "aeiou") "hello")
  putStrLn (prepend "fix")
  print (map (: []) "ab", (- 5), (.) (+ 1) (* 2) 10)
  print (filter (/= ' ') "a b c", zipWith ($) [(+ 1), (* 3)] [10, 20])
