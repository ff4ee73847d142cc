package schema

// IsNameParticle reports whether a lower-case word may stand inside a
// personal name ("Ludwig van Beethoven", "Charles de Gaulle", "Osama bin
// Laden"). The recogniser, the graph builder and the person linker share
// the list.
func IsNameParticle(w string) bool { return nameParticles[w] }

var nameParticles = map[string]bool{
	"van": true, "von": true, "der": true, "den": true, "de": true, "du": true, "des": true, "la": true,
	"le": true, "da": true, "di": true, "del": true, "della": true, "dos": true, "das": true, "do": true,
	"bin": true, "ibn": true, "al": true, "el": true, "ter": true, "zu": true, "y": true, "af": true,
}
