module Main (main) where

import Vector
import qualified Vector as V

-- Imported operators keep their fixities, used unqualified, qualified
-- (V.^+^), in sections and backquoted.
sumV :: VectorSpace v => [v] -> v
sumV = foldr (^+^) zero

main :: IO ()
main = do
  let a = Vec 1 2
      b = Vec 3 (-1)
  print (a ^+^ 2 *^ b)
  print (a ^-^ b ^-^ b)
  print (a V.^+^ b V.^-^ a, 3 V.*^ a)
  print (a .* b + 1, a .* b * 2)
  print (map (^+^ a) [b, zero], map (2 *^) [a, b])
  print (sumV [a, b, Vec 0.5 0.5], sumV [1.5, 2.5 :: Double])
  print (a `dot` b, norm (Vec 3 4), (1 :: Double) ^-^ 4)
  print (zero :: Vec, Vec 0 0 == zero)
