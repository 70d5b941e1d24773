//! Reading CoNLL-U treebanks (for training and evaluation) and writing parses as CoNLL-U.
//!
//! Only what the tagger and parser use is kept: the word forms, UPOS, XPOS, head and relation of
//! each syntactic word. Multiword-token range lines (`1-2 didn't`) and empty nodes (`8.1`) are
//! skipped, so a sentence is the sequence of its syntactic words, which is how the treebanks
//! tokenise (`did` `n't`) and how the parser is fed.

use std::io::{self, BufRead, Write};

use crate::tags::{Rel, Upos, Xpos};
use crate::Word;

/// One gold sentence from a treebank.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sentence {
    /// The `# sent_id` comment, if any.
    pub id: String,
    /// The `# newdoc id` in force for this sentence (carried over from the document's first
    /// sentence), if any; GUM's news documents are `GUM_news_*`.
    pub doc: String,
    /// The word forms (the second column), one per syntactic word.
    pub words: Vec<String>,
    /// One entry per word; `head` is `None` for the root.
    pub gold: Vec<Word>,
}

impl Sentence {
    /// How many words the sentence has.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether the sentence has no words (never true of a sentence [`read_conllu`] returns).
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The words as string slices, the way [`crate::Parser::parse`] takes them.
    pub fn word_refs(&self) -> Vec<&str> {
        self.words.iter().map(String::as_str).collect()
    }
}

/// Why a CoNLL-U file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ConlluError {
    /// The stream could not be read, or the file opened (the message then names the file).
    #[error("reading CoNLL-U: {0}")]
    Io(#[from] io::Error),
    /// The text is not well-formed CoNLL-U.
    #[error("CoNLL-U line {line}: {message}")]
    Syntax {
        /// The 1-based line at fault: for a bad tree, the blank line that ends the sentence
        /// (0 at the end of the input).
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// Reads every sentence of a CoNLL-U stream.
pub fn read_conllu(input: impl BufRead) -> Result<Vec<Sentence>, ConlluError> {
    let mut sentences = Vec::new();
    let mut current = Sentence::default();
    let mut doc = String::new();
    for (index, line) in input.lines().enumerate() {
        let line = line?;
        let number = index + 1;
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            finish(&mut current, &mut sentences, number)?;
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            let comment = comment.trim();
            if let Some(value) = comment.strip_prefix("newdoc id =") {
                doc = value.trim().to_string();
            } else if let Some(value) = comment.strip_prefix("sent_id =") {
                current.id = value.trim().to_string();
            }
            current.doc.clone_from(&doc);
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() != 10 {
            return Err(ConlluError::Syntax {
                line: number,
                message: format!("expected 10 tab-separated fields, found {}", fields.len()),
            });
        }
        // Multiword tokens and empty nodes are not syntactic words of the basic tree.
        if fields[0].contains('-') || fields[0].contains('.') {
            continue;
        }
        let bad = |message: &str| ConlluError::Syntax {
            line: number,
            message: message.to_string(),
        };
        let id: usize = fields[0].parse().map_err(|_| bad("bad word id"))?;
        if id != current.words.len() + 1 {
            return Err(bad("word ids are not consecutive"));
        }
        let head = match fields[6] {
            "_" => None,
            text => {
                let head: usize = text.parse().map_err(|_| bad("bad head"))?;
                if head > u16::MAX as usize {
                    return Err(bad("head out of range"));
                }
                head.checked_sub(1).map(|h| h as u16)
            }
        };
        current.doc.clone_from(&doc);
        current.words.push(fields[1].to_string());
        current.gold.push(Word {
            upos: Upos::parse(fields[3]),
            xpos: Xpos::parse(fields[4]),
            head,
            rel: if fields[7] == "_" {
                Rel::Dep
            } else {
                Rel::parse(fields[7])
            },
        });
    }
    finish(&mut current, &mut sentences, 0)?;
    Ok(sentences)
}

fn finish(
    current: &mut Sentence,
    sentences: &mut Vec<Sentence>,
    line: usize,
) -> Result<(), ConlluError> {
    if current.words.is_empty() {
        // Comments without words (a document header) carry over to the next sentence.
        current.id.clear();
        return Ok(());
    }
    let n = current.words.len();
    if current
        .gold
        .iter()
        .any(|w| w.head.is_some_and(|h| h as usize >= n))
    {
        return Err(ConlluError::Syntax {
            line,
            message: format!("sentence {:?} has a head beyond its last word", current.id),
        });
    }
    sentences.push(std::mem::take(current));
    Ok(())
}

/// Reads a CoNLL-U file, gunzipping it if its name ends in `.gz`.
pub fn read_conllu_file(path: impl AsRef<std::path::Path>) -> Result<Vec<Sentence>, ConlluError> {
    let path = path.as_ref();
    let file = std::fs::File::open(path).map_err(|e| {
        ConlluError::Io(io::Error::new(e.kind(), format!("{}: {e}", path.display())))
    })?;
    if path.extension().is_some_and(|e| e == "gz") {
        read_conllu(io::BufReader::new(flate2::read::MultiGzDecoder::new(file)))
    } else {
        read_conllu(io::BufReader::new(file))
    }
}

/// Writes one parsed sentence as a CoNLL-U block (ten columns, `_` where the parser has nothing
/// to say, then a blank line).
///
/// Word forms cannot contain tabs or line breaks in CoNLL-U; such characters are written as
/// spaces so the output stays readable by any CoNLL-U reader.
pub fn write_conllu(words: &[&str], parse: &[Word], out: &mut impl Write) -> io::Result<()> {
    for (i, (word, w)) in words.iter().zip(parse).enumerate() {
        let form: std::borrow::Cow<str> = if word.contains(['\t', '\n', '\r']) {
            word.replace(['\t', '\n', '\r'], " ").into()
        } else if word.is_empty() {
            "_".into()
        } else {
            (*word).into()
        };
        let head = w.head.map_or(0, |h| h as usize + 1);
        writeln!(
            out,
            "{}\t{}\t_\t{}\t{}\t_\t{}\t{}\t_\t_",
            i + 1,
            form,
            w.upos.as_str(),
            w.xpos.as_str(),
            head,
            w.rel.as_str()
        )?;
    }
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# newdoc id = GUM_news_test\n# sent_id = s1\n# text = They didn't go.\n\
1\tThey\tthey\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n\
2-3\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_\n\
2\tdid\tdo\tAUX\tVBD\t_\t4\taux\t_\t_\n\
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n\
4\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\t_\n\
4.1\tgone\tgo\tVERB\tVBN\t_\t_\t_\t_\t_\n\
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n";

    #[test]
    fn reads_words_skipping_ranges_and_empty_nodes() {
        let sentences = read_conllu(SAMPLE.as_bytes()).unwrap();
        assert_eq!(sentences.len(), 1);
        let s = &sentences[0];
        assert_eq!(s.id, "s1");
        assert_eq!(s.doc, "GUM_news_test");
        assert_eq!(s.words, ["They", "did", "n't", "go", "."]);
        assert_eq!(s.gold[3].head, None);
        assert_eq!(s.gold[3].rel, Rel::Root);
        assert_eq!(s.gold[0].head, Some(3));
        assert_eq!(s.gold[2].upos, Upos::PART);
    }

    #[test]
    fn round_trips_through_write() {
        let sentences = read_conllu(SAMPLE.as_bytes()).unwrap();
        let s = &sentences[0];
        let mut text = Vec::new();
        write_conllu(&s.word_refs(), &s.gold, &mut text).unwrap();
        let back = read_conllu(text.as_slice()).unwrap();
        assert_eq!(back.len(), 1);
        assert_eq!(back[0].words, s.words);
        assert_eq!(back[0].gold, s.gold);
    }

    #[test]
    fn rejects_broken_lines() {
        assert!(read_conllu("1\tword\n\n".as_bytes()).is_err());
        assert!(read_conllu("1\ta\t_\tX\tX\t_\t9\tdep\t_\t_\n\n".as_bytes()).is_err());
    }
}
