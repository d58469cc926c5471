"""The verb that carries a clause, where another verb fronts it: "X vient de signer un partenariat avec Y",
"Y va devenir directrice de X", "X is expected to become chief executive of Y".

The parser makes the fronting verb ("vient", "va", "expected") the head of the clause and the verb that says
what happens its infinitive complement (``xcomp``); the path rules stop at such a complement, as they must
for "X told Y to ...". For the verbs of ``catenative_verbs`` (``data/<lang>/relations.json``) the parse is
turned around before the rules read it: the infinitive takes the fronting verb's place and its subject,
and the fronting verb hangs from it as an auxiliary would.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from extract.relations.lexicon import RelationLexicon
from extract.relations.tree import is_verb
from extract.relations.view import doc_forms

#: Dependencies of an infinitive complement (spaCy's English and French labels).
COMPLEMENT_DEPS = frozenset({"xcomp"})


def lift_catenatives(doc: Doc, lexicon: RelationLexicon) -> None:
    """Make the infinitive after each catenative verb of ``doc`` the head of its clause, in place."""
    forms = doc_forms(doc)  # read by every rule after: computed once per Doc
    for verb in doc:
        if not is_verb(verb) or forms[verb.i][1] not in lexicon.catenative_verbs:
            continue
        verbs = (c for c in verb.children if c.dep_ in COMPLEMENT_DEPS and is_verb(c))
        complement = next(verbs, None)
        if complement is not None:
            _lift(verb, complement)


def _lift(verb: Token, complement: Token) -> None:
    """``complement`` takes ``verb``'s head, label and other dependents; ``verb`` hangs from it."""
    dependents = [c for c in verb.children if c.i != complement.i]
    if verb.head.i == verb.i:
        complement.head = complement
    else:
        complement.head = verb.head
    complement.dep_ = verb.dep_
    verb.head = complement
    verb.dep_ = "aux"
    for dependent in dependents:
        dependent.head = complement
