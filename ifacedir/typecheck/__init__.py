"""The typechecker, in the order of Typing Haskell in Haskell (THIH, M. P. Jones, 2000).

One concept per module, each building on the ones before. The vocabulary itself
(``Kind``, ``Type``, ``Pred``, ``Qual``, ``Scheme``) is data and lives in
ifacedir.syntax.types, evidence terms in ifacedir.syntax.evidence. "R§" cites the
Haskell 2010 Report where THIH has no section.

=================  ===========  ==========================================================
module             THIH         what it does
=================  ===========  ==========================================================
``subst``          §5, §8       substitutions, ``@@`` and ``merge``; ``apply`` and
                                ``free_tyvars`` over the HasTypes values; ``quantify``
``unify``          §6           ``mgu`` (with ``var_bind``'s occurs and kind checks),
                                ``match``, and both lifted to predicates
``kinds``          §3 / R§4.6   kind inference for data, newtype, type and class
                                declarations; kind checks of instances and signatures
``written``        -            helpers over written types; deterministic ``sccs``
``validity``       R§4.2-§4.3   synonym and superclass cycles; class methods; the
                                Report's form of instance heads and contexts
``convert``        R§4.1-§4.3   written types to types: synonym expansion; the schemes of
                                signatures, methods, constructors; instance heads
``classes``        §7.2-§7.3    ``ClassEnv``: ``add_class``, ``add_inst``, ``by_super``,
                                ``by_inst``, ``entail`` (and its evidence)
``context``        §7.4         ``in_hnf``, ``to_hnf``, ``simplify``, ``reduce``, with the
                                evidence of every reduced predicate
``evidence``       -            ``lint_evidence``: re-checks a proof node by node
``assump``         §9           ``Assump`` and ``Assumptions``: schemes of the names in
                                scope, ``find``; globals closed, locals layered
``state``          §10          ``TcState``: the current substitution, fresh variables,
                                instantiation, errors with their context
``defaulting``     §11.5.1      ambiguities, candidates, Report §4.3.4 defaulting, the
                                monomorphism restriction (Report §4.5.5), ``split``
``tcenv``          §10          ``Tc``: what the judgements share; ``Occ`` placeholders,
                                ``EvScope``, rigid type variables, predicate origins
``patterns``       §11.1-§11.2  literals and patterns, one function per judgement
``infer``          §11.3-§11.5  expressions, alternatives, right-hand sides, statements
``bindings``       §11.6        binding groups: dependency analysis, implicit groups
                                (generalisation, Rule 1), explicit signatures
``deriving``       R§4.3.3      derived instances and their contexts (a fixpoint)
``decls``          R§4.1-§4.6   steps 1-6 of a module: kinds, synonyms, classes,
                                constructors, selectors, instances, defaults
``zonk``           -            the final pass: ``Module[TcName]`` with evidence
``iface``          -            ``TcInterface``: what importers need; ``ImportedEnv``
``typecheck``      §11.6        ``typecheck_module``, ``typecheck_program``, ``TcResult``
=================  ===========  ==========================================================

The order of one module is spec/TYPECHECK-PLAN.md §1, implemented by
``typecheck.typecheck_module``.

Variable convention
-------------------
These short names always mean the same thing, in every module of this package (THIH's
convention, extended):

==========  ==============================================================
name        meaning
==========  ==============================================================
``k``       a ``Kind``
``u, v``    a ``TyVar``
``vs``      a tuple of ``TyVar`` (``fs`` fixed, ``gs`` generic ones)
``tc``      a ``TyCon``
``t``       a ``Type`` (``ts`` several; ``l, r`` the two sides of a ``TAp``)
``p, q``    a ``Pred`` (``ps, qs`` several; ``ds`` deferred, ``rs`` retained)
``qt``      a ``Qual[Type]``
``sc``      a ``Scheme`` (``Forall``)
``s``       a ``Subst`` (``s1 @ s2`` is THIH's ``s1 @@ s2``)
``ce``      a ``ClassEnv`` (``c`` one ``Class``)
``env``     the ``Assumptions`` in scope
``tvs``     written type variables (``Name``) to their kinds or ``TyVar``
``ev``      an ``Evidence``
``st``      the ``TcState`` (THIH's TI monad)
``i``       a class ``Name`` in ``IsIn(i, t)``
==========  ==============================================================
"""
