import Util (double)

main :: IO ()
main = print (double 4)
