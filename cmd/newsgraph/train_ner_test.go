package main

import (
	"errors"
	"strings"
	"testing"
)

func TestTrainNERFlags(t *testing.T) {
	for _, args := range [][]string{
		{"--uner-weight", "0"},
		{"--net-hidden", "-1"},
		{"--net-input-dropout", "1"},
		{"--net-vectors", "v.json", "--net-vector-dims", "0"},
		{"extra-argument"},
	} {
		_, _, err := runCmd(t, runTrainNER, "", append([]string{"--data", t.TempDir()}, args...)...)
		var ue usageError
		if !errors.As(err, &ue) {
			t.Errorf("%v: error %v, want a usage error", args, err)
		}
	}
	// a data directory without the training files names the missing file
	_, _, err := runCmd(t, runTrainNER, "", "--data", t.TempDir())
	if err == nil || !strings.Contains(err.Error(), "en_ewt-ud-train.iob2") {
		t.Errorf("empty data directory: error %v, want one naming the UNER file", err)
	}
}
