module Main (main) where

-- User Num instances: integer literals become values of the user type
-- through fromInteger; complex numbers, polynomials, and modular
-- arithmetic; Fractional for complex division.
data Complex = Complex Double Double
  deriving Eq

instance Show Complex where
  showsPrec d (Complex re im) =
    showParen (d > 6) (shows re . showString (if im < 0 then " - " else " + ") . shows (abs im) . showString "i")

instance Num Complex where
  Complex a b + Complex c d = Complex (a + c) (b + d)
  Complex a b - Complex c d = Complex (a - c) (b - d)
  Complex a b * Complex c d = Complex (a * c - b * d) (a * d + b * c)
  negate (Complex a b) = Complex (negate a) (negate b)
  abs z = Complex (magnitude z) 0
  signum _ = error "signum: not needed"
  fromInteger n = Complex (fromInteger n) 0

instance Fractional Complex where
  Complex a b / Complex c d = Complex ((a * c + b * d) / den) ((b * c - a * d) / den)
    where
      den = c * c + d * d
  fromRational r = Complex (fromRational r) 0

magnitude :: Complex -> Double
magnitude (Complex a b) = sqrt (a * a + b * b)

i :: Complex
i = Complex 0 1

-- Polynomials with coefficients from the lowest power up.
newtype Poly = Poly [Integer]

instance Show Poly where
  show (Poly cs) = case [term c k | (c, k) <- zip cs [0 :: Int ..], c /= 0] of
    [] -> "0"
    ts -> foldr1 (\t acc -> t ++ " + " ++ acc) (reverse ts)
    where
      term c 0 = show c
      term c 1 = show c ++ "x"
      term c k = show c ++ "x^" ++ show k

instance Num Poly where
  Poly a + Poly b = Poly (zipLong a b)
    where
      zipLong (x : xs) (y : ys) = x + y : zipLong xs ys
      zipLong xs [] = xs
      zipLong [] ys = ys
  Poly a * Poly b = sum [Poly (replicate k 0 ++ map (* c) b) | (c, k) <- zip a [0 ..]]
  negate (Poly a) = Poly (map negate a)
  abs = undefined
  signum = undefined
  fromInteger n = Poly [n]

x :: Poly
x = Poly [0, 1]

evalPoly :: Poly -> Integer -> Integer
evalPoly (Poly cs) v = foldr (\c acc -> c + v * acc) 0 cs

newtype Mod7 = Mod7 Int
  deriving (Eq, Show)

instance Num Mod7 where
  Mod7 a + Mod7 b = Mod7 ((a + b) `mod` 7)
  Mod7 a * Mod7 b = Mod7 ((a * b) `mod` 7)
  negate (Mod7 a) = Mod7 ((7 - a) `mod` 7)
  abs m = m
  signum _ = Mod7 1
  fromInteger n = Mod7 (fromInteger (n `mod` 7))

main :: IO ()
main = do
  let z = 3 + 4 * i
  print z
  print (z * z, z - 10, negate z)
  print (magnitude z, abs z)
  print (i * i, (1 + i) ^ (8 :: Int))
  print (z / (1 - i), 1 / i, z / 2)
  print (Just (2 - i), [0.5 + i])
  print (sum [1, i, 2 * i, 3 :: Complex])
  let p = (x + 1) * (x - 1)
  print p
  print ((x + 1) ^ (4 :: Int))
  print (map (evalPoly ((x + 1) ^ (3 :: Int))) [0, 1, 2, 10])
  print (3 * x * x - 2 * x + 7 :: Poly, negate (x - 1) + x, (x - x) * 5)
  print (Mod7 5 + 4, Mod7 3 * 5, 2 ^ (10 :: Int) :: Mod7, sum (map Mod7 [1 .. 6]))
  print (product [1, 2, 3, 4, 5, 6 :: Mod7], negate 3 :: Mod7, 100 :: Mod7)
