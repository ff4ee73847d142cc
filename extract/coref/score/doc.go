// Package score reads coreference documents in the CoNLL-2012 bracket format
// and scores a system's chains against gold chains with the metrics of the
// CoNLL-2012 reference scorer (Pradhan et al. 2014): MUC (Vilain et al.
// 1995), B³ (Bagga and Baldwin 1998), entity-based CEAF (CEAF-e, Luo 2005,
// with the optimal Kuhn-Munkres alignment) and their average, the CoNLL F1.
//
// As in the reference scorer, mentions are identified by their exact token
// span, a mention listed twice in a document counts once, and scores over a
// corpus are micro-averaged: the numerators and denominators of every
// document are summed before recall and precision are computed.
package score
