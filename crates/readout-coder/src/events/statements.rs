//! What a statement says. A plain statement ("X said …", 010) is recoded by what it reports,
//! as CAMEO coders code it (GUIDELINES.md):
//! - one's own intended act ("said it would cut taxes", "vowed to retaliate") is an
//!   expression of intent (03x), of force or coercion a threat (130), with the act's target;
//! - one's own act denied ("said he had done nothing wrong", "says it is not against
//!   immigration") is a denial (016), though not thinking, knowing or expecting something is
//!   an opinion (`stance` words: "said he did not think it would work"); one's own act refused
//!   ("we will not accept this", "he cannot support the plan") a rejection (120), and not
//!   saying ("we cannot discuss …") declining to comment (011); what one cannot do otherwise
//!   stays a statement ("we can't get away from the fact …");
//! - not saying ("would not comment", "did not say") is declining to comment (011);
//! - what another should or must do ("said the minister should resign", "said Y needed to
//!   change policy") is an appeal (020), to that actor.
//!
//! Judgements ("said Y was incompetent") are read when the statement is coded
//! ([`super::evaluation`]). The reported act itself stays coded, with its own modality.

use super::args::subject;
use super::SentenceCtx;
use readout_doc::{Event, Modality, Participant};
use readout_lexicon::{Complement, WordClasses};
use readout_syntax::{Rel, Xpos};

/// Verbs of obligation: what someone "needs to" or "has to" do.
fn obliges(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "need" | "needs" | "needed" | "has" | "have" | "had"
    )
}

impl SentenceCtx<'_> {
    /// The heads of the clauses a statement at `report` reports, with their coordinated
    /// clauses and controlled complements ("vowed *to retaliate*").
    fn reported_heads(&self, report: usize) -> Vec<usize> {
        let syn = self.syn;
        let mut heads: Vec<usize> = self
            .reported(report)
            .iter()
            .filter(|r| r.trailing.is_none())
            .map(|r| r.head)
            .chain(syn.children(report).filter(|&c| syn.rel(c) == Rel::Xcomp))
            .collect();
        let mut i = 0;
        while i < heads.len() {
            let h = heads[i];
            heads.extend(
                syn.children(h)
                    .filter(|&c| syn.rel(c) == Rel::Conj && c > h),
            );
            i += 1;
        }
        heads
    }

    /// Whether the subject of clause `h` is the statement's own source (or the speaker's
    /// "I", "we", or a body named with the speaker's possessive), or the clause is controlled
    /// and has none.
    fn about_self(&self, h: usize, source: Option<u32>) -> bool {
        let syn = self.syn;
        if syn.rel(h) == Rel::Xcomp {
            return true;
        }
        let Some((s, via)) = subject(syn, h) else {
            return false;
        };
        // "I don't know whether I will, but don't rush me": a command coordinated with the
        // speaker's own clause, with the speaker as its object, is addressed to someone else
        // ("we plan to …, but don't have more details" shares its subject).
        let imperative = via == super::args::Via::Coordination
            && syn.xpos(h) == Xpos::VB
            && syn
                .children(h)
                .any(|c| syn.rel(c) == Rel::Aux && self.word_is(c, "do"))
            && syn.children(h).any(|c| {
                matches!(syn.rel(c), Rel::Obj | Rel::Iobj)
                    && self.is(c, WordClasses::PRONOUN_SPEAKER)
            });
        if imperative {
            return false;
        }
        let side = self.side_at(s);
        // "Salmond said his party would introduce a grant": a body the speaker's own
        // possessive names (his party, its forces, their government) acts for the speaker.
        let speakers_own = syn.children(s).any(|c| {
            syn.rel(c) == Rel::NmodPoss
                && matches!(
                    self.text(c).to_ascii_lowercase().as_str(),
                    "his" | "her" | "its" | "their" | "our"
                )
        }) && (side.is_some()
            || self.lex.org_words.contains_key(&self.toks.words[s]));
        speakers_own
            || side.is_some_and(|side| side.entities.len() == 1 && Some(side.entities[0]) == source)
    }

    /// Whether clause `h` denies: a negator on its predicate, or "nothing", "no one" as its
    /// argument ("had done nothing wrong").
    pub(crate) fn denies(&self, h: usize) -> bool {
        let syn = self.syn;
        syn.children(h).any(|c| {
            let rel = syn.rel(c);
            (matches!(rel, Rel::Advmod | Rel::Aux) && self.is(c, WordClasses::NEGATOR))
                || (matches!(rel, Rel::Obj | Rel::Nsubj | Rel::NsubjPass)
                    && matches!(
                        self.text(c).to_ascii_lowercase().as_str(),
                        "nothing" | "nobody" | "none"
                    ))
        })
    }

    /// Whether negated verb `v`, one of making something known (`disclosure` records),
    /// declines to comment ("the ONS would not comment on
    /// the concerns", "did not say why", "refused to say if it would appeal"): it is negated by
    /// its own negator (not by "failed to", nor "no matter what"), or governed by a verb of
    /// refusal, has no "can" ("I can't say I was pleased" gives an opinion), and reports
    /// nothing, or only a question ("why", "whether"). Saying one did not say something ("he
    /// definitely didn't say it") is a denial, not this.
    pub(crate) fn declines_to_say(&self, v: usize) -> bool {
        let syn = self.syn;
        if !self.lex.disclosures.contains(&self.toks.words[v]) {
            return false;
        }
        let refused = syn.rel(v) == Rel::Xcomp
            && syn
                .head(v)
                .and_then(|h| self.verb_at(h))
                .is_some_and(|e| matches!(e.lemma.as_str(), "refuse" | "decline"));
        let own_negator = syn.children(v).any(|c| {
            matches!(syn.rel(c), Rel::Advmod | Rel::Aux) && self.is(c, WordClasses::NEGATOR)
        });
        let can = syn.children(v).any(|c| {
            syn.rel(c) == Rel::Aux
                && matches!(
                    self.text(c).to_ascii_lowercase().as_str(),
                    "can" | "ca" | "could"
                )
        });
        let question = |c: usize| {
            matches!(
                self.text(syn.extent(c).start).to_ascii_lowercase().as_str(),
                "why" | "how" | "when" | "where" | "which" | "what" | "who" | "whether" | "if"
            )
        };
        let says_nothing = syn.children(v).all(|c| match syn.rel(c) {
            Rel::Obj | Rel::Parataxis => false,
            Rel::Ccomp | Rel::Advcl => question(c),
            _ => true,
        });
        (own_negator || refused) && !can && says_nothing
    }

    /// Whether clause `h` says what someone should or must do: a modal of obligation, or a
    /// verb of obligation ("needed to change", "has to go") whose subject is an actor (what a
    /// thing "has to" be is no appeal: "it has to be paid by passengers").
    fn obligation(&self, h: usize) -> bool {
        let syn = self.syn;
        let modal = syn.children(h).any(|c| {
            syn.rel(c) == Rel::Aux
                && syn.xpos(c) == Xpos::MD
                && matches!(
                    self.text(c).to_ascii_lowercase().as_str(),
                    "should" | "must" | "ought"
                )
        });
        let verb = obliges(self.text(h))
            && syn.children(h).any(|c| syn.rel(c) == Rel::Xcomp)
            && subject(syn, h).is_some_and(|(s, _)| self.side_at(s).is_some());
        modal || verb
    }
}

impl SentenceCtx<'_> {
    /// Whether predicate `h` is a "to"-infinitive ("told the government not to compromise"):
    /// what someone is told or asked to do, never a statement of fact denied.
    fn is_infinitive(&self, h: usize) -> bool {
        let syn = self.syn;
        syn.rel(h) == Rel::Xcomp || syn.children(h).any(|c| syn.xpos(c) == Xpos::TO)
    }
}

/// Gives event `e` CAMEO code `cameo`, with its Goldstein score, quad class and PLOVER type.
pub(super) fn recode(e: &mut Event, cameo: &readout_lexicon::CameoCode) {
    e.code = cameo.code.clone();
    e.goldstein = cameo.goldstein;
    e.quad_class = cameo.quad_class;
    e.plover = cameo.plover.clone();
}

/// Recodes the sentence's plain statements by what they report (`events`: this sentence's).
pub fn recode_statements(ctx: &SentenceCtx, events: &mut [Event]) {
    for i in 0..events.len() {
        if events[i].code == "010"
            && events[i].negated
            && ctx.declines_to_say(events[i].trigger_token as usize)
        {
            if let Some(cameo) = ctx.lex.code("011") {
                recode(&mut events[i], cameo);
                events[i].negated = false;
                events[i].modality = Modality::Asserted;
            }
            continue;
        }
        if events[i].code != "010" || events[i].negated {
            continue;
        }
        let report = events[i].trigger_token as usize;
        let source = events[i].source.actor;
        let heads = ctx.reported_heads(report);
        if heads.is_empty() {
            continue;
        }
        let inside = |t: usize| heads.iter().any(|&h| ctx.syn.within(t, h));
        // 1. The speaker's own intended act, coded.
        let intended = events.iter().find(|f| {
            f.modality == Modality::Intended
                && !f.negated
                && f.source.actor == source
                && inside(f.trigger_token as usize)
        });
        let recoded: Option<(String, Option<Participant>)> = if let Some(f) = intended {
            let root: u32 = f.code[..2].parse().unwrap_or(0);
            Some(if (14..=20).contains(&root) {
                ("130".to_string(), f.target.clone())
            } else {
                (
                    super::code::intent_code(&f.code).to_string(),
                    f.target.clone(),
                )
            })
        } else {
            heads.iter().find_map(|&h| {
                let mine = ctx.about_self(h, source);
                let q = ctx.qualifiers(h);
                if mine && !q.negated && q.modality == Some(Modality::Intended) {
                    // 2. The speaker's own intended act, not one the lexicon codes.
                    Some(("030".to_string(), None))
                } else if mine && ctx.denies(h) && !ctx.is_infinitive(h) {
                    // 3. The speaker denies its own act; refusing to say is declining to
                    // comment ("we cannot discuss who was responsible").
                    // What one does not think, know, expect or find is an opinion, not a
                    // denial, nor declining to comment ("I can't find a forecaster who …").
                    let opinion = ctx.lex.stances.contains(&ctx.toks.words[h]);
                    // Not being told ("had not been informed") is no refusal to say, nor a
                    // deed of one's own denied (as not being involved is).
                    let reports = ctx.verb_at(h).is_some_and(|v| v.report);
                    if reports && super::args::is_passive(ctx.syn, h) {
                        return None;
                    }
                    let says = !opinion && (reports || ctx.word_is(h, "discuss"));
                    // What one says one will not do is a refusal ("we will not accept").
                    // What one cannot do is no denial of a deed: a refusal of a cooperative
                    // act the lexicon codes ("said he cannot support the plan"), else a plain
                    // statement ("we can't get away from the fact …").
                    let cannot = q.modality == Some(Modality::Hypothetical);
                    let refuses_cooperation = || {
                        events.iter().any(|f| {
                            f.trigger_token as usize == h
                                && f.source.actor == source
                                && f.code[..2].parse::<u32>().is_ok_and(|root| root <= 8)
                        })
                    };
                    let code = if says {
                        "011"
                    } else if q.modality == Some(Modality::Intended)
                        || (cannot && !opinion && refuses_cooperation())
                    {
                        "120"
                    } else if opinion || cannot {
                        return None;
                    } else {
                        "016"
                    };
                    Some((code.to_string(), None))
                } else if !mine && ctx.obligation(h) {
                    // 4. What another should do: an appeal to that actor.
                    let target = subject(ctx.syn, h)
                        .and_then(|(s, _)| ctx.side_at(s))
                        .filter(|side| side.entities.len() == 1 && Some(side.entities[0]) != source)
                        .map(|side| Participant {
                            actor: Some(side.entities[0]),
                            code: ctx.doc.actors[side.entities[0] as usize].code.clone(),
                            span: side.span,
                        });
                    Some(("020".to_string(), target))
                } else {
                    None
                }
            })
        };
        let Some((code, target)) = recoded else {
            continue;
        };
        let Some(cameo) = ctx.lex.code(&code) else {
            continue;
        };
        let e = &mut events[i];
        recode(e, cameo);
        // The one told stays the target when what was said names none ("told voters his
        // party would offer them a choice"), except a newspaper or a broadcaster told what
        // someone should do: that appeal is published, not addressed to the press ("told AP
        // the announcement should allay suspicion").
        let told_the_press = e.code.starts_with("02")
            && e.target.as_ref().is_some_and(|t| {
                t.actor.is_some_and(|a| {
                    ctx.doc.actors[a as usize]
                        .sectors
                        .iter()
                        .any(|s| s == "MED")
                })
            });
        if target.is_some() || told_the_press {
            e.target = target;
        }
    }
}

/// An expression of intent or an appeal about taxes, spending, a budget or a law ("pledged to
/// introduce a tough budget", "said the minister needed to change policy") is intent to change
/// policy (0342) or an appeal for it (0242), as CAMEO coders code them, not a bare intent to
/// cooperate (030) or appeal (020). What is intended or asked for is what the verb's
/// complement, its object or "for" phrase, or the clause it reports says (`policy` words in
/// `lexicon/verbs/policy.txt`).
pub fn recode_policy_intents(ctx: &SentenceCtx, events: &mut [Event]) {
    let syn = ctx.syn;
    for i in 0..events.len() {
        let e = &events[i];
        let policy_code = match e.code.as_str() {
            "030" => "0342",
            "020" => "0242",
            _ => continue,
        };
        if e.negated {
            continue;
        }
        // Policy is made by governments, parties and their people: a company's plans for its
        // fees or its debt are business.
        let public = e
            .source
            .actor
            .is_some_and(|a| !super::code::private_interest(&ctx.doc.actors[a as usize]));
        let t = e.trigger_token as usize;
        let mut heads = ctx.reported_heads(t);
        heads.extend(syn.children(t).filter(|&c| {
            syn.rel(c) == Rel::Obj || (syn.rel(c) == Rel::Obl && ctx.case_is(c, &["for"]))
        }));
        let within = |w: usize| heads.iter().any(|&h| syn.extent(h).contains(&w));
        let about_policy = heads.iter().any(|&h| {
            syn.extent(h).any(|w| {
                syn.upos(w) == readout_syntax::Upos::NOUN
                    && ctx.lex.policy_words.contains(&ctx.toks.words[w])
            })
        });
        // "pledged to oppose the bill" promises a rejection, not a change of policy.
        let hostile = events
            .iter()
            .any(|f| within(f.trigger_token as usize) && f.code.as_str() >= "09");
        if !public || !about_policy || hostile {
            continue;
        }
        let Some(cameo) = ctx.lex.code(policy_code) else {
            continue;
        };
        recode(&mut events[i], cameo);
    }
}

/// The verb of commitment that governs the event at `t` ("agreed *to meet*", "decided to
/// resume talks"): the lexicon's `complement: committed`, or an adjective of intent ("is
/// willing to work with").
fn committing_verb(ctx: &SentenceCtx, t: usize) -> Option<usize> {
    let syn = ctx.syn;
    let mut k = t;
    for _ in 0..4 {
        let h = syn.head(k)?;
        match syn.rel(k) {
            // "agreed to meet and sign": the conjunct shares the commitment; "decided to
            // resume the dialogue": an event noun stands for the verb it is the object of.
            Rel::Conj | Rel::Compound => k = h,
            Rel::Obj if matches!(syn.upos(h), readout_syntax::Upos::VERB) => k = h,
            Rel::Xcomp | Rel::Advcl | Rel::Acl => {
                // A verb of commitment, or a phrase of intent ("is willing to", "is ready to").
                let committed = ctx.complement_of(h) == Some(Complement::Committed)
                    || (syn.upos(h) == readout_syntax::Upos::ADJ
                        && ctx.classes_from(h).has(WordClasses::INTENT));
                return committed.then_some(h);
            }
            _ => return None,
        }
    }
    None
}

/// "Pakistan and India decided to resume the dialogue": agreeing, deciding or pledging to act
/// is an expression of intent (03x) by the one committed, towards the act's target, beside
/// the act itself (intended), as CAMEO and GUIDELINES.md code it. A commitment verb that was
/// already coded as a plain statement or intent is recoded; otherwise an event is added.
/// Only cooperative acts (02–08): committing to force is read as a threat by the verbs that
/// say so ("vowed to retaliate").
pub fn code_commitments(ctx: &SentenceCtx, out: &mut Vec<Event>, first: usize) {
    let n = out.len();
    for i in first..n {
        let f = &out[i];
        let root: u32 = f.code[..2].parse().unwrap_or(0);
        if f.modality != Modality::Intended || f.negated || !(2..=8).contains(&root) {
            continue;
        }
        let Some(g) = committing_verb(ctx, f.trigger_token as usize) else {
            continue;
        };
        let code = super::code::intent_code(&f.code).to_string();
        let Some(cameo) = ctx.lex.code(&code) else {
            continue;
        };
        let existing = (first..out.len()).find(|&j| out[j].trigger_token as usize == g);
        let target = out[i].target.clone();
        match existing {
            Some(j) => {
                let e = &mut out[j];
                if !(e.code == "010" || e.code.starts_with("03")) || e.negated {
                    continue;
                }
                recode(e, cameo);
                if e.target.is_none() {
                    e.target = target;
                }
            }
            None => {
                let q = ctx.qualifiers(g);
                let mut e = out[i].clone();
                recode(&mut e, cameo);
                e.trigger = ctx.span(g..g + 1);
                e.trigger_token = g as u32;
                e.negated = q.negated;
                e.modality = q.modality.unwrap_or(Modality::Asserted);
                out.push(e);
            }
        }
    }
}
