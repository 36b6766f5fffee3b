module A (Chain(..)) where

infixr 5 :+

data Chain = End | Int :+ Chain
