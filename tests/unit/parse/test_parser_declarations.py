"""Declarations (Report §4): exact trees of top-level and class/instance declarations,
with adjacent clauses of one function grouped into one FunBind."""

from __future__ import annotations

import pytest
from parse_helpers import decls, module

DECLARATIONS: list[tuple[str, str]] = [
    (
        "f x y = x",
        "(FunBind f [(Match [(PVar x) (PVar y)] (Rhs (EVar x) [] []))])",
    ),
    (
        "f 0 = 1\nf n = n",
        (
            "(FunBind f [(Match [(PLit (LitInt 0))] (Rhs (ELit (LitInt 1)) [] [])) (Match [(PVar "
            "n)] (Rhs (EVar n) [] []))])"
        ),
    ),
    (
        "f x = 1\ng y = 2\nf z = 3",
        (
            "(FunBind f [(Match [(PVar x)] (Rhs (ELit (LitInt 1)) [] []))]) (FunBind g [(Match "
            "[(PVar y)] (Rhs (ELit (LitInt 2)) [] []))]) (FunBind f [(Match [(PVar z)] (Rhs "
            "(ELit (LitInt 3)) [] []))])"
        ),
    ),
    (
        "x <+> y = 1",
        "(FunBind <+> [(Match [(PVar x) (PVar y)] (Rhs (ELit (LitInt 1)) [] []) True)])",
    ),
    (
        "x `op` y = 2",
        "(FunBind op [(Match [(PVar x) (PVar y)] (Rhs (ELit (LitInt 2)) [] []) True)])",
    ),
    (
        "(f x) y = 3",
        "(FunBind f [(Match [(PVar x) (PVar y)] (Rhs (ELit (LitInt 3)) [] []))])",
    ),
    (
        "(x <+> y) z = 1",
        "(FunBind <+> [(Match [(PVar x) (PVar y) (PVar z)] (Rhs (ELit (LitInt 1)) [] []))])",
    ),
    (
        "(+) a b = a",
        "(FunBind + [(Match [(PVar a) (PVar b)] (Rhs (EVar a) [] []))])",
    ),
    (
        "Just x : rest <+> y = 1",
        (
            "(FunBind <+> [(Match [(POpChain [(PCon Just [(PVar x)]) (PVar rest)] [(OpRef : "
            "True)]) (PVar y)] (Rhs (ELit (LitInt 1)) [] []) True)])"
        ),
    ),
    (
        "x = 1",
        "(FunBind x [(Match [] (Rhs (ELit (LitInt 1)) [] []))])",
    ),
    (
        "(a, b) = (1, 2)",
        (
            "(PatBind (PTuple [(PVar a) (PVar b)]) (Rhs (ETuple [(ELit (LitInt 1)) (ELit (LitInt "
            "2))]) [] []))"
        ),
    ),
    (
        "Just x = y",
        "(PatBind (PCon Just [(PVar x)]) (Rhs (EVar y) [] []))",
    ),
    (
        "x : xs = l",
        "(PatBind (POpChain [(PVar x) (PVar xs)] [(OpRef : True)]) (Rhs (EVar l) [] []))",
    ),
    (
        "~(a, b) = p",
        "(PatBind (PLazy (PTuple [(PVar a) (PVar b)])) (Rhs (EVar p) [] []))",
    ),
    (
        "f x | x > 0 = 1\n    | otherwise = 0\n  where y = 2",
        (
            "(FunBind f [(Match [(PVar x)] (Rhs - [(GuardedRhs [(SExpr (EOpChain [(EVar x) "
            "(OpRef > False) (ELit (LitInt 0))]))] (ELit (LitInt 1))) (GuardedRhs [(SExpr (EVar "
            "otherwise))] (ELit (LitInt 0)))] [(FunBind y [(Match [] (Rhs (ELit (LitInt 2)) [] "
            "[]))])]))])"
        ),
    ),
    (
        "f x | Just y <- g x, let z = y, z > 0 = z",
        (
            "(FunBind f [(Match [(PVar x)] (Rhs - [(GuardedRhs [(SBind (PCon Just [(PVar y)]) "
            "(EApp (EVar g) (EVar x))) (SLet [(FunBind z [(Match [] (Rhs (EVar y) [] []))])]) "
            "(SExpr (EOpChain [(EVar z) (OpRef > False) (ELit (LitInt 0))]))] (EVar z))] []))])"
        ),
    ),
    (
        "f, g :: Int",
        "(TypeSig [f g] (QualType [] (TCon Int)))",
    ),
    (
        "(+), (<>) :: a -> a",
        "(TypeSig [+ <>] (QualType [] (TFun (TVar a) (TVar a))))",
    ),
    (
        "f :: Eq a => a -> Bool",
        "(TypeSig [f] (QualType [(Pred Eq (TVar a))] (TFun (TVar a) (TCon Bool))))",
    ),
    (
        "infixl +, -",
        "(FixityDecl infixl 9 [+ -])",
    ),
    (
        "infixr 5 `op`, :+",
        "(FixityDecl infixr 5 [op :+])",
    ),
    (
        "infix 0 ==",
        "(FixityDecl infix 0 [==])",
    ),
    (
        "data T",
        "(DataDecl T [] [] [])",
    ),
    (
        "data T = A | B",
        "(DataDecl T [] [(ConDecl A []) (ConDecl B [])] [])",
    ),
    (
        "data T a b = B Int !Char a (Maybe b)",
        (
            "(DataDecl T [a b] [(ConDecl B [(ConField [] (TCon Int)) (ConField [] (TCon Char) "
            "True) (ConField [] (TVar a)) (ConField [] (TApp (TCon Maybe) (TVar b)))])] [])"
        ),
    ),
    (
        "data T = Int :+ Int | !Int :- Maybe Int",
        (
            "(DataDecl T [] [(ConDecl :+ [(ConField [] (TCon Int)) (ConField [] (TCon Int))] "
            "True) (ConDecl :- [(ConField [] (TCon Int) True) (ConField [] (TApp (TCon Maybe) "
            "(TCon Int)))] True)] [])"
        ),
    ),
    (
        "data P = Int `P` Int",
        (
            "(DataDecl P [] [(ConDecl P [(ConField [] (TCon Int)) (ConField [] (TCon Int))] "
            "True)] [])"
        ),
    ),
    (
        "data R = R { a, b :: !Int, c :: [Char], d :: Maybe Int }",
        (
            "(DataDecl R [] [(ConDecl R [(ConField [a b] (TCon Int) True) (ConField [c] (TList "
            "(TCon Char))) (ConField [d] (TApp (TCon Maybe) (TCon Int)))] True)] [])"
        ),
    ),
    (
        "data E = E {}",
        "(DataDecl E [] [(ConDecl E [] True)] [])",
    ),
    (
        "data T = A deriving Show",
        "(DataDecl T [] [(ConDecl A [])] [Show])",
    ),
    (
        "data T = A deriving (Eq, Ord, Show)",
        "(DataDecl T [] [(ConDecl A [])] [Eq Ord Show])",
    ),
    (
        "data T = A deriving ()",
        "(DataDecl T [] [(ConDecl A [])] [])",
    ),
    (
        "data O = (:+:) Int Int",
        "(DataDecl O [] [(ConDecl :+: [(ConField [] (TCon Int)) (ConField [] (TCon Int))])] [])",
    ),
    (
        "newtype N a = N (Maybe a) deriving (Eq, Ord)",
        (
            "(DataDecl N [a] [(ConDecl N [(ConField [] (TApp (TCon Maybe) (TVar a)))])] [Eq Ord] "
            "True)"
        ),
    ),
    (
        "newtype R = R { unR :: Int }",
        "(DataDecl R [] [(ConDecl R [(ConField [unR] (TCon Int))] True)] [] True)",
    ),
    (
        "type S a = [a]",
        "(TypeSynDecl S [a] (TList (TVar a)))",
    ),
    (
        "type F = Int -> Int",
        "(TypeSynDecl F [] (TFun (TCon Int) (TCon Int)))",
    ),
    (
        "class C a",
        "(ClassDecl [] C a [])",
    ),
    (
        "class Eq a => C a where\n  m :: a -> a\n  m x = x\n  infixl 6 `m`",
        (
            "(ClassDecl [(Pred Eq (TVar a))] C a [(TypeSig [m] (QualType [] (TFun (TVar a) (TVar "
            "a)))) (FunBind m [(Match [(PVar x)] (Rhs (EVar x) [] []))]) (FixityDecl infixl 6 "
            "[m])])"
        ),
    ),
    (
        "class (Eq a, Show a) => C a where { m, n :: a }",
        (
            "(ClassDecl [(Pred Eq (TVar a)) (Pred Show (TVar a))] C a [(TypeSig [m n] (QualType "
            "[] (TVar a)))])"
        ),
    ),
    (
        "class Functor f where\n  fmap :: (a -> b) -> f a -> f b",
        (
            "(ClassDecl [] Functor f [(TypeSig [fmap] (QualType [] (TFun (TFun (TVar a) (TVar "
            "b)) (TFun (TApp (TVar f) (TVar a)) (TApp (TVar f) (TVar b))))))])"
        ),
    ),
    (
        "instance C T",
        "(InstanceDecl [] C (TCon T) [])",
    ),
    (
        "instance C [a]",
        "(InstanceDecl [] C (TList (TVar a)) [])",
    ),
    (
        "instance C (a, b)",
        "(InstanceDecl [] C (TTuple [(TVar a) (TVar b)]) [])",
    ),
    (
        "instance C (a -> b)",
        "(InstanceDecl [] C (TFun (TVar a) (TVar b)) [])",
    ),
    (
        "instance C ()",
        "(InstanceDecl [] C (TCon ()) [])",
    ),
    (
        "instance C (T a b)",
        "(InstanceDecl [] C (TApp (TApp (TCon T) (TVar a)) (TVar b)) [])",
    ),
    (
        "instance (Eq a, Show b) => M.C (T a b) where\n  m = id",
        (
            "(InstanceDecl [(Pred Eq (TVar a)) (Pred Show (TVar b))] M.C (TApp (TApp (TCon T) "
            "(TVar a)) (TVar b)) [(FunBind m [(Match [] (Rhs (EVar id) [] []))])])"
        ),
    ),
    (
        "instance Monad IO where\n  return = pure\n  m >>= k = bind m k",
        (
            "(InstanceDecl [] Monad (TCon IO) [(FunBind return [(Match [] (Rhs (EVar pure) [] "
            "[]))]) (FunBind >>= [(Match [(PVar m) (PVar k)] (Rhs (EApp (EApp (EVar bind) (EVar "
            "m)) (EVar k)) [] []) True)])])"
        ),
    ),
    (
        "default ()",
        "(DefaultDecl [])",
    ),
    (
        "default (Integer, Double)",
        "(DefaultDecl [(TCon Integer) (TCon Double)])",
    ),
    (
        'foreign import prim "plusInt" plusInt :: Int -> Int -> Int',
        (
            "(ForeignImport 'prim' 'plusInt' plusInt (QualType [] (TFun (TCon Int) (TFun (TCon "
            "Int) (TCon Int)))))"
        ),
    ),
    (
        'foreign import prim "seq" seq :: a -> b -> b',
        ("(ForeignImport 'prim' 'seq' seq (QualType [] (TFun (TVar a) (TFun (TVar b) (TVar b)))))"),
    ),
]


@pytest.mark.parametrize(("src", "tree"), DECLARATIONS, ids=[d[0] for d in DECLARATIONS])
def test_declaration_tree(src: str, tree: str) -> None:
    assert decls(src) == tree


def test_grouped_clauses_span_all_of_them() -> None:
    (bind,) = module("f 0 = 1\nf n = n\n").decls
    assert str(bind.span) == "M.hs:(1,1)-(2,7)"


def test_local_declarations_are_grouped_too() -> None:
    tree = decls("f = g where\n  g 0 = 1\n  g n = n\n")
    assert tree.count("(FunBind g") == 1
    assert tree.count("(Match") == 3
