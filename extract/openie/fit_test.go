package openie

import (
	"math"
	"testing"
)

func TestFitLearnsDirection(t *testing.T) {
	var ex []Example
	for i := 0; i < 200; i++ {
		good := i%3 != 0
		fs := []Feature{{"bias", 1}}
		y := 0.1
		if good {
			fs = append(fs, Feature{"good", 1})
			y = 0.9
		} else {
			fs = append(fs, Feature{"bad", 1})
		}
		ex = append(ex, Example{fs, y})
	}
	w := Fit(ex, 0.001, 500)
	if !(w["good"] > w["bad"]) {
		t.Fatalf("got weights %v, want good > bad", w)
	}
	pGood := w.Score([]Feature{{"bias", 1}, {"good", 1}})
	pBad := w.Score([]Feature{{"bias", 1}, {"bad", 1}})
	if math.Abs(pGood-0.9) > 0.05 || math.Abs(pBad-0.1) > 0.05 {
		t.Errorf("got scores %.3f %.3f, want about 0.9 and 0.1", pGood, pBad)
	}
	if w2 := Fit(ex, 0.001, 500); w2.Format(nil) != w.Format(nil) {
		t.Error("Fit is not deterministic")
	}
}

func TestEmbeddedWeights(t *testing.T) {
	w, err := ConfWeights()
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := w["bias"]; !ok {
		t.Error("embedded weights have no bias")
	}
	back, err := ParseWeights(w.Format([]string{"x"}))
	if err != nil || back.Format(nil) != w.Format(nil) {
		t.Errorf("weights do not round-trip: %v", err)
	}
	if _, err := ParseWeights("bias\tNaN\n"); err == nil {
		t.Error("ParseWeights accepted NaN")
	}
}
