import A
import C
main = print (f 2 + h)
