// Package carb is a Go reimplementation of the CaRB Open IE scorer
// (Bhardwaj, Aggarwal and Mausam, EMNLP 2019; dair-iitd/CaRB at commit
// 024e0e9), written from the specification in ../shared/data/carb/SCORING.md
// and reproducing every quirk listed there: bag-of-words lenient tuple
// matching with the "be" rule and the said-reversal, the collapse of all
// arguments after the subject into one slot, 1-to-1 greedy precision,
// multi-match recall (or 1-to-1 recall in SingleMatch mode), a sweep over
// every distinct confidence, and the trapezoid AUC closed at (0, 1).
//
// ReadGold and ReadTabbed read CaRB's gold and "tabbed" system formats;
// Score compares them and returns the precision-recall curve and its
// summary numbers.
package carb
