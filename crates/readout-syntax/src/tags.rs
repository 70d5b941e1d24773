//! The three tag sets: universal parts of speech, Penn Treebank tags and dependency relations.
//!
//! Each is a small `#[repr(u8)]` enum so that a parsed word fits in a few bytes and the model can
//! refer to a tag by its number. `as_str` gives the exact string CoNLL-U uses; `parse` reads it back.

macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every value, in the order of their numbers.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The string CoNLL-U uses for this value.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// The value's number (its index in `ALL`).
            pub fn id(self) -> u8 {
                self as u8
            }

            /// The value with number `id`, if there is one.
            pub fn from_id(id: u8) -> Option<$name> {
                Self::ALL.get(id as usize).copied()
            }

            fn exact(text: &str) -> Option<$name> {
                match text { $($text => Some($name::$variant),)+ _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

string_enum! {
    /// A universal part-of-speech tag (UPOS, the fourth CoNLL-U column); see
    /// <https://universaldependencies.org/u/pos/>.
    // The variants are Universal Dependencies' own tag names, and the macro takes no docs.
    #[allow(missing_docs)]
    #[allow(clippy::upper_case_acronyms)]
    Upos {
        ADJ = "ADJ", ADP = "ADP", ADV = "ADV", AUX = "AUX", CCONJ = "CCONJ", DET = "DET",
        INTJ = "INTJ", NOUN = "NOUN", NUM = "NUM", PART = "PART", PRON = "PRON", PROPN = "PROPN",
        PUNCT = "PUNCT", SCONJ = "SCONJ", SYM = "SYM", VERB = "VERB", X = "X",
    }
}

impl Upos {
    /// Reads a UPOS string; anything unknown is `X`.
    pub fn parse(text: &str) -> Upos {
        Upos::exact(text).unwrap_or(Upos::X)
    }
}

string_enum! {
    /// A Penn Treebank tag (XPOS, the fifth CoNLL-U column), with the additions the English UD
    /// treebanks use (`HYPH`, `NFP`, `ADD`, `AFX`, `GW`, `XX`).
    // The variants are the Penn Treebank tag names the UD English treebanks use, and the macro
    // takes no docs.
    #[allow(missing_docs)]
    Xpos {
        CC = "CC", CD = "CD", DT = "DT", EX = "EX", FW = "FW", IN = "IN", JJ = "JJ", JJR = "JJR",
        JJS = "JJS", LS = "LS", MD = "MD", NN = "NN", NNS = "NNS", NNP = "NNP", NNPS = "NNPS",
        PDT = "PDT", POS = "POS", PRP = "PRP", PRPS = "PRP$", RB = "RB", RBR = "RBR", RBS = "RBS",
        RP = "RP", SYM = "SYM", TO = "TO", UH = "UH", VB = "VB", VBD = "VBD", VBG = "VBG",
        VBN = "VBN", VBP = "VBP", VBZ = "VBZ", WDT = "WDT", WP = "WP", WPS = "WP$", WRB = "WRB",
        Period = ".", Comma = ",", Colon = ":", OpenQuote = "``", CloseQuote = "''",
        Lrb = "-LRB-", Rrb = "-RRB-", Hyph = "HYPH", Nfp = "NFP", Dollar = "$", Hash = "#",
        Add = "ADD", Afx = "AFX", Gw = "GW", Xx = "XX",
    }
}

impl Xpos {
    /// Reads an XPOS string; anything unknown is `XX`.
    pub fn parse(text: &str) -> Xpos {
        Xpos::exact(text).unwrap_or(Xpos::Xx)
    }
}

string_enum! {
    /// A dependency relation (DEPREL, the eighth CoNLL-U column): the 37 universal relations and
    /// the English subtypes that EWT and GUM use often enough to learn (each over 100 times in
    /// their training sets). Rarer subtypes read as their base relation (`csubj:pass` → `csubj`).
    ///
    /// The treebanks follow UD 2.14 and later, where English `obl:tmod` and `obl:npmod` became
    /// `obl:unmarked`, `nmod:tmod` and `nmod:npmod` became `nmod:unmarked`, and `nmod:desc` and
    /// `nsubj:outer` appeared; older files are read with that mapping. See
    /// <https://universaldependencies.org/u/dep/>.
    // The variants are Universal Dependencies' own relation names, and the macro takes no docs.
    #[allow(missing_docs)]
    Rel {
        Acl = "acl", AclRelcl = "acl:relcl", Advcl = "advcl", AdvclRelcl = "advcl:relcl",
        Advmod = "advmod", Amod = "amod", Appos = "appos", Aux = "aux", AuxPass = "aux:pass",
        Case = "case", Cc = "cc", CcPreconj = "cc:preconj", Ccomp = "ccomp", Clf = "clf",
        Compound = "compound", CompoundPrt = "compound:prt", Conj = "conj", Cop = "cop",
        Csubj = "csubj", Dep = "dep", Det = "det", DetPredet = "det:predet",
        Discourse = "discourse", Dislocated = "dislocated", Expl = "expl", Fixed = "fixed",
        Flat = "flat", Goeswith = "goeswith", Iobj = "iobj", List = "list", Mark = "mark",
        Nmod = "nmod", NmodDesc = "nmod:desc", NmodPoss = "nmod:poss",
        NmodUnmarked = "nmod:unmarked", Nsubj = "nsubj", NsubjOuter = "nsubj:outer",
        NsubjPass = "nsubj:pass", Nummod = "nummod", Obj = "obj", Obl = "obl",
        OblAgent = "obl:agent", OblUnmarked = "obl:unmarked", Orphan = "orphan",
        Parataxis = "parataxis", Punct = "punct", Reparandum = "reparandum", Root = "root",
        Vocative = "vocative", Xcomp = "xcomp",
    }
}

impl Rel {
    /// Reads a DEPREL string. A subtype this set lacks falls back to its base relation, the
    /// pre-2.14 English names map to their successors, and anything else unknown is `dep`.
    pub fn parse(text: &str) -> Rel {
        if let Some(rel) = Rel::exact(text) {
            return rel;
        }
        match text {
            "obl:tmod" | "obl:npmod" => return Rel::OblUnmarked,
            "nmod:tmod" | "nmod:npmod" => return Rel::NmodUnmarked,
            _ => {}
        }
        match text.split_once(':') {
            Some((base, _)) => Rel::exact(base).unwrap_or(Rel::Dep),
            None => Rel::Dep,
        }
    }

    /// The universal relation without its subtype (`nsubj:pass` → `nsubj`), the label the
    /// CoNLL 2018 LAS compares.
    pub fn base(self) -> Rel {
        match self {
            Rel::AclRelcl => Rel::Acl,
            Rel::AdvclRelcl => Rel::Advcl,
            Rel::AuxPass => Rel::Aux,
            Rel::CcPreconj => Rel::Cc,
            Rel::CompoundPrt => Rel::Compound,
            Rel::DetPredet => Rel::Det,
            Rel::NmodDesc | Rel::NmodPoss | Rel::NmodUnmarked => Rel::Nmod,
            Rel::NsubjOuter | Rel::NsubjPass => Rel::Nsubj,
            Rel::OblAgent | Rel::OblUnmarked => Rel::Obl,
            other => other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_round_trip() {
        for &u in Upos::ALL {
            assert_eq!(Upos::parse(u.as_str()), u);
        }
        for &x in Xpos::ALL {
            assert_eq!(Xpos::parse(x.as_str()), x);
        }
        for &r in Rel::ALL {
            assert_eq!(Rel::parse(r.as_str()), r);
            assert_eq!(Rel::parse(r.base().as_str()), r.base());
        }
        assert!(Rel::ALL.len() <= 64, "label sets are u64 bit masks");
    }

    #[test]
    fn unknown_subtypes_fall_back() {
        assert_eq!(Rel::parse("csubj:pass"), Rel::Csubj);
        assert_eq!(Rel::parse("obl:tmod"), Rel::OblUnmarked);
        assert_eq!(Rel::parse("flat:foreign"), Rel::Flat);
        assert_eq!(Rel::parse("nonsense"), Rel::Dep);
        assert_eq!(Rel::NsubjPass.base(), Rel::Nsubj);
        assert_eq!(Xpos::parse("PRP$"), Xpos::PRPS);
    }
}
