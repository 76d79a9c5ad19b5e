//! Definite assignment of locals: which local cells a read may find unwritten since the function's
//! entry, the only ones a call must zero (`FuncTranslator::order_locals`).

/// The local cells tracked. A read of a cell past them always counts as a read of an unwritten
/// cell, which keeps each set at 16 words whatever a function declares.
const TRACKED: usize = 1024;

/// The definite-assignment state of the function being translated, as one forward pass over its
/// structured control flow sees it: the set of local cells written on every path from the entry to
/// the current instruction, and per open control frame the set at its entry and the intersection of
/// the sets of the branches to its end seen so far.
///
/// A loop's head needs no set of its own: every path back to it passed its entry, and writes only
/// add to a set, so the set at its entry holds there. A catch clause starts with the set at its
/// `try`'s entry for the same reason: every instruction that can throw in the body lies past it.
#[derive(Debug, Default)]
pub(crate) struct Assigned {
    /// Words per set.
    words: usize,
    /// The cells written on every path to the current instruction.
    now: Vec<u64>,
    /// Per open frame (outermost first), its entry set, then its end set (all cells until a branch
    /// to its end is seen).
    frames: Vec<u64>,
    /// Per local cell, whether a reachable read may find it unwritten: it must start at zero.
    pub(crate) zero: Vec<bool>,
}

impl Assigned {
    /// Starts a function with `cells` local cells, none written, and no open frame.
    pub(crate) fn reset(&mut self, cells: usize) {
        self.words = cells.min(TRACKED).div_ceil(64);
        self.now.clear();
        self.now.resize(self.words, 0);
        self.frames.clear();
        self.zero.clear();
        self.zero.resize(cells, false);
    }

    /// A reachable read of local cell `cell`.
    #[inline]
    pub(crate) fn read(&mut self, cell: usize) {
        let written = cell < TRACKED && self.now[cell / 64] >> (cell % 64) & 1 != 0;
        if !written {
            self.zero[cell] = true;
        }
    }

    /// A write of local cell `cell`.
    #[inline]
    pub(crate) fn write(&mut self, cell: usize) {
        if cell < TRACKED {
            self.now[cell / 64] |= 1 << (cell % 64);
        }
    }

    /// Opens a frame at the current instruction.
    #[inline]
    pub(crate) fn push(&mut self) {
        match self.words {
            0 => {}
            // The common case (at most 64 local cells) without a loop.
            1 => self.frames.extend_from_slice(&[self.now[0], !0]),
            w => {
                self.frames.extend_from_slice(&self.now);
                self.frames.resize(self.frames.len() + w, !0);
            }
        }
    }

    /// A branch from the current instruction to the end of the frame `depth` levels out (not a
    /// loop, whose branches go to its head).
    #[inline]
    pub(crate) fn branch(&mut self, depth: usize) {
        let (w, len) = (self.words, self.frames.len());
        match w {
            0 => {}
            1 => self.frames[len - 2 * depth - 1] &= self.now[0],
            _ => {
                let at = len - 2 * w * depth - w;
                for (e, &c) in self.frames[at..at + w].iter_mut().zip(&self.now) {
                    *e &= c;
                }
            }
        }
    }

    /// Makes the set at the instruction after an `else`, a handler or an `end` the innermost
    /// frame's entry set (`end: false`) or end set (`end: true`).
    #[inline]
    fn resume_from(&mut self, end: bool) {
        let (w, len) = (self.words, self.frames.len());
        match w {
            0 => {}
            1 => self.now[0] = self.frames[len - 2 + usize::from(end)],
            _ => {
                let at = len - 2 * w + usize::from(end) * w;
                self.now.copy_from_slice(&self.frames[at..at + w]);
            }
        }
    }

    /// An `else` or a legacy catch handler: the code before it, if `reachable`, goes on at the
    /// innermost frame's end; the code after it starts from the frame's entry.
    #[inline]
    pub(crate) fn restart(&mut self, reachable: bool) {
        if reachable {
            self.branch(0);
        }
        self.resume_from(false);
    }

    /// Closes the innermost frame. After a loop the code goes on from the loop's last instruction;
    /// after any other frame, from its end, reached by its branches and, if `reachable`, by the
    /// code before.
    #[inline]
    pub(crate) fn pop(&mut self, reachable: bool, is_loop: bool) {
        if !is_loop {
            if reachable {
                self.branch(0);
            }
            self.resume_from(true);
        }
        self.frames.truncate(self.frames.len() - 2 * self.words);
    }
}
