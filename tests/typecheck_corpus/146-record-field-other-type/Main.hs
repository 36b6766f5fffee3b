data P = P { px :: Int }
data Q = Q { qx :: Int }

main :: IO ()
main = print (px (P { qx = 1 }))
