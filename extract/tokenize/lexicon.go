package tokenize

// The word lists below are general English; none comes from a test text.

// abbrevs are abbreviations that keep their final period (lowercase).
var abbrevs = set(
	"mr.", "mrs.", "ms.", "dr.", "prof.", "st.", "jr.", "sr.", "messrs.", "mmes.", "rev.", "hon.", "fr.",
	"gov.", "sen.", "rep.", "reps.", "sens.", "pres.", "gen.", "col.", "lt.", "sgt.", "capt.", "adm.", "maj.", "cmdr.", "cpl.", "pvt.", "supt.", "insp.", "det.", "atty.",
	"inc.", "corp.", "assoc.", "sts.", "drs.", "govt.", "co.", "ltd.", "llc.", "bros.", "plc.", "dept.", "univ.", "assn.", "ave.", "blvd.", "rd.", "hwy.", "mt.", "ft.", "pl.",
	"jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.",
	"mon.", "tue.", "tues.", "thu.", "thur.", "thurs.", "fri.", "etc.", "c.", "vs.", "v.", "cf.", "viz.", "approx.", "est.", "fig.", "figs.", "vol.", "vols.", "ch.", "pp.", "p.", "ed.", "eds.", "al.",
	"ca.", "tel.", "ext.", "dept.", "mgr.", "asst.", "misc.", "govt.",
	"ala.", "ariz.", "cal.", "ark.", "calif.", "colo.", "conn.", "fla.", "ga.", "kan.", "kans.", "ky.", "mo.", "mich.", "minn.", "mont.", "neb.", "nev.", "okla.", "tenn.", "tex.", "va.", "vt.", "wis.", "wyo.",
)

// prefixes keep their hyphen inside the word (e-mail, non-profit).
var prefixes = set(
	"e", "non", "pre", "anti", "mid", "re", "post", "co", "over", "pro", "multi", "ex", "sub", "semi", "cross",
	"counter", "mini", "neo", "inter", "pan", "socio", "psycho", "micro", "proto", "super", "vice", "un", "intra", "trans", "ultra",
)

// clitics written on their own are single tokens.
var clitics = set("b/c", "w/", "w/o", "'s", "'m", "'d", "'re", "'ve", "'ll", "n't")

// fusedWords maps words that UD splits without an apostrophe to the
// offset of the split (cannot = can + not, gonna = gon + na).
var fusedWords = map[string]int{
	"cannot": 3, "gonna": 3, "wanna": 3, "gotta": 3, "outta": 3,
	"dont": 2, "didnt": 3, "doesnt": 4, "cant": 2, "couldnt": 5, "wouldnt": 5, "shouldnt": 6,
	"isnt": 2, "wasnt": 3, "arent": 3, "werent": 4, "havent": 4, "hasnt": 3, "hadnt": 3, "wont": 2,
	"ive": 1, "youre": 3, "youll": 3, "youve": 3, "thats": 4, "theres": 5, "whats": 4,
}

// emoticons are kept whole.
var emoticons = set(":)", ":-)", ":(", ":-(", ";)", ";-)", ":D", ":-D", ":P", ":-P", ":p", ":-p", ":/", ":-/",
	":'(", ":O", ":o", ":|", "<3", "^_^", "^^", "=)", "=(", "XD", "xD", ":]", ":[", "(:", "):", ";D", "-_-", "o_O", "O_o")

// tlds are the top-level domains recognised in bare domains with a path.
var tlds = set("com", "org", "net", "edu", "gov", "mil", "int", "io", "co", "uk", "us", "de", "fr", "ru", "ua", "eu", "ca", "au", "info", "biz")

// units split off a number written together with them (5pm, 10km).
var units = set("am", "pm", "a.m", "p.m", "k", "m", "b", "bn", "mn", "km", "kg", "g", "mg", "cm", "mm", "ft", "lb", "lbs",
	"mph", "kph", "mb", "gb", "tb", "kb", "hz", "mhz", "ghz", "mw", "kw", "gw", "x", "ml", "oz", "yrs", "hrs", "mins", "c", "f")

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// itsFollowers are words after which "its" stands for "it's" (a
// possessive is followed by a noun phrase, never by these).
var itsFollowers = set("a", "an", "the", "not", "so", "just", "very", "really", "been", "going", "gonna", "getting", "too",
	"all", "about", "because", "like", "ok", "okay", "always", "never", "still", "probably", "definitely", "actually",
	"pretty", "kind", "my", "your", "his", "our", "their", "what", "how", "on", "in", "out", "up", "over", "no", "that", "true",
	"hard", "easy", "fine", "gone", "done", "raining", "illegal")

// numAbbrevs keep their period only before a number (No. 10, pp. 5).
var numAbbrevs = set("no.", "nos.", "pp.", "p.", "art.", "sec.", "vol.", "fig.", "ch.", "tel.")
