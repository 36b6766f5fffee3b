-- | A bank with one teller, simulated minute by minute: customers arrive on a
-- (lazy, infinite) schedule, queue up, and are served in order.
module Main (main) where

import Data.Queue (Queue)
import qualified Data.Queue as Q

data Customer = Customer { name :: String, arrives :: Int, needs :: Int }
  deriving (Show, Eq)

data Event = Arrived String Int | Served String Int Int
  deriving (Show, Eq, Ord)

-- Every customer in an infinite, lazily generated stream; we only ever look at
-- the ones who arrive before closing time.
customers :: [Customer]
customers = [Customer n t (1 + (t * 7) `mod` 4) | (n, t) <- zip names [0, 2 ..]]
  where
    names = [c : show i | i <- [1 :: Int ..], c <- "ABC"]

simulate :: Int -> [Customer] -> [Event]
simulate closing = go 0 Q.empty 0
  where
    go :: Int -> Queue Customer -> Int -> [Customer] -> [Event]
    go now q busyUntil incoming
      | now > closing && Q.size q == 0 = []
      | otherwise = arrivals ++ served ++ go (now + 1) q'' busy' later
      where
        (arriving, later) = span ((== now) . arrives) incoming
        arrivals = [Arrived (name c) now | c <- arriving, now <= closing]
        q' = foldl (flip Q.push) q (if now <= closing then arriving else [])
        (served, q'', busy')
          | busyUntil <= now, Just (c, rest) <- Q.pop q' =
              ([Served (name c) now (now - arrives c)], rest, now + needs c)
          | otherwise = ([], q', busyUntil)

waits :: [Event] -> [Int]
waits es = [w | Served _ _ w <- es]

main :: IO ()
main = do
  let events = simulate 12 customers
  mapM_ print events
  let ws = waits events
  putStrLn ("customers served: " ++ show (length ws))
  putStrLn ("longest wait: " ++ show (maximum ws) ++ " minutes")
  putStrLn ("average wait: " ++ show (fromIntegral (sum ws) / fromIntegral (length ws) :: Double))
  print (fmap (* 2) (Q.fromList [1, 2, 3 :: Integer]))
  print (Q.push 'c' (Q.push 'b' (Q.push 'a' Q.empty)) == Q.fromList "abc")
  print (take 3 customers)
