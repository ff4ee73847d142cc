package ner

import (
	"testing"

	"github.com/newsgraph/newsgraph/extract/nlp"
)

// Bad or odd input gets an error or an empty answer, never a panic.
func TestProcessOddDocuments(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	odd := docOf("ÉTATS - UNIS 🙂 $ % 1990s 10:30 Mr. . . ' 's")
	weird := &nlp.Document{Text: "ab", Tokens: []nlp.Token{{Start: 0, End: 1, Form: "", UPOS: "X"}, {Start: 1, End: 2, Form: "\xff", UPOS: "X"}},
		Sentences: []nlp.Sentence{{Start: 0, End: 2}}}
	untagged := &nlp.Document{Text: "a", Tokens: []nlp.Token{{Start: 0, End: 1, Form: "a"}}, Sentences: []nlp.Sentence{{Start: 0, End: 1}}}
	tests := []struct {
		name    string
		doc     *nlp.Document
		wantErr bool
	}{
		{"nil", nil, true},
		{"empty", &nlp.Document{}, false},
		{"tokens without sentences", &nlp.Document{Text: "a", Tokens: []nlp.Token{{Start: 0, End: 1, Form: "a"}}}, true},
		{"sentence past the tokens", &nlp.Document{Text: "a", Tokens: []nlp.Token{{Start: 0, End: 1, Form: "a"}}, Sentences: []nlp.Sentence{{Start: 0, End: 3}}}, true},
		{"overlapping sentences", &nlp.Document{Text: "a b", Tokens: []nlp.Token{{Start: 0, End: 1, Form: "a"}, {Start: 2, End: 3, Form: "b"}}, Sentences: []nlp.Sentence{{Start: 0, End: 2}, {Start: 1, End: 2}}}, true},
		{"odd tokens", odd, false},
		{"empty and invalid forms", weird, false},
		{"no part-of-speech tags", untagged, r.m.meta.Tags}, // an error only when the model reads tags
	}
	for _, tt := range tests {
		err := r.Process(tt.doc)
		if (err != nil) != tt.wantErr {
			t.Errorf("%s: err = %v, want error %v", tt.name, err, tt.wantErr)
		}
		if err == nil && tt.doc != nil {
			if verr := tt.doc.Validate(); verr != nil {
				t.Errorf("%s: entities break the document: %v", tt.name, verr)
			}
		}
	}
}
