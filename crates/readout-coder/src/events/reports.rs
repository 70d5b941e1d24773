//! Reported speech: what a reporting verb reports.
//!
//! "Officials said *the talks had failed*": the verb's complement clause. "*The talks have
//! failed*, officials said" and "… *failed*, said the ministry": a report that trails the
//! clause it reports hangs from it in the parse (as `parataxis`, `ccomp`, `conj` or an
//! adverbial clause, depending on the punctuation and the parser), and reports all of that
//! clause but itself. One definition serves attribution, judgements, stated intent and the
//! tense of "would".

use super::SentenceCtx;
use readout_doc::token_flags as tf;
use readout_syntax::Rel;

/// The clause a reporting verb reports.
#[derive(Clone, Copy, Debug)]
pub struct Reported {
    /// The head of the reported clause.
    pub head: usize,
    /// The reporting verb, when it hangs inside the clause it reports (a trailing report).
    pub trailing: Option<usize>,
}

impl Reported {
    /// Whether token `t` lies in the reported clause.
    pub fn contains(&self, ctx: &SentenceCtx, t: usize) -> bool {
        ctx.syn.within(t, self.head) && self.trailing.is_none_or(|v| !ctx.syn.within(t, v))
    }
}

impl SentenceCtx<'_> {
    /// The clauses reporting verb `v` reports.
    pub fn reported(&self, v: usize) -> Vec<Reported> {
        let syn = self.syn;
        // A clause before the report that it hangs from the report: as parataxis, or as an
        // adverbial clause without a subordinating word ("Russia struck Kyiv, said Ukraine").
        let unmarked_before = |c: usize| {
            c < v
                && matches!(syn.rel(c), Rel::Parataxis | Rel::Advcl)
                && !syn.children(c).any(|m| syn.rel(m) == Rel::Mark)
        };
        let mut out: Vec<Reported> = syn
            .children(v)
            .filter(|&c| syn.rel(c) == Rel::Ccomp || unmarked_before(c))
            .map(|c| Reported {
                head: c,
                trailing: None,
            })
            .collect();
        if out.is_empty() {
            if let Some(h) = syn.head(v).filter(|&h| h < v) {
                let hanging = matches!(
                    syn.rel(v),
                    Rel::Parataxis | Rel::Ccomp | Rel::Conj | Rel::Advcl | Rel::AclRelcl
                );
                // The report starts right after a comma or a closing quote: "…, he said"
                // (the parser may hang that comma on the report itself).
                let is_break = |t: usize| {
                    matches!(self.text(t), "," | ":" | "—" | "-")
                        || self.doc.tokens[t].has(tf::QUOTE)
                };
                let mut start = syn.extent(v).start;
                while start < v && is_break(start) {
                    start += 1;
                }
                let after_break = start > self.range.start && is_break(start - 1);
                if hanging && after_break {
                    out.push(Reported {
                        head: h,
                        trailing: Some(v),
                    });
                }
            }
        }
        out
    }

    /// The reporting verb of the clause `v` heads (or is coordinated into), if a reporting
    /// verb reports it.
    pub fn reporting_verb_of(&self, v: usize) -> Option<usize> {
        let syn = self.syn;
        let mut k = v;
        while syn.rel(k) == Rel::Conj {
            k = syn.head(k)?;
        }
        // A complement of a reporting verb…
        let report = |h: usize| self.verb_at(h).is_some_and(|verb| verb.report);
        if syn.rel(k) == Rel::Ccomp {
            if let Some(h) = syn.head(k).filter(|&h| report(h)) {
                return Some(h);
            }
        }
        // …or the clause a trailing report hangs from.
        syn.children(k)
            .find(|&c| c > k && report(c) && self.reported(c).iter().any(|r| r.head == k))
    }

    /// Whether the words of clause `v`, reported by verb `r`, are quoted as spoken: a quotation
    /// mark opens or closes right beside `r`, a comma or colon apart ("'I would look at it as
    /// …,' said Mr Mayland"; "said: 'We would …'"). Quoted words keep the speaker's tenses;
    /// reported ones shift them, a phrase of them quoted or not ("said he would 'keep
    /// working'").
    pub fn quoted_as_spoken(&self, v: usize, r: usize) -> bool {
        let quote = |t: usize| self.doc.tokens[t].has(readout_doc::token_flags::QUOTE);
        let separator = |t: usize| matches!(self.text(t), "," | ":");
        let mut t = r;
        if r < v {
            t += 1;
            while t < v && separator(t) {
                t += 1;
            }
            t < v && quote(t)
        } else {
            while t > v + 1 && separator(t - 1) {
                t -= 1;
            }
            t > v + 1 && quote(t - 1)
        }
    }
}
