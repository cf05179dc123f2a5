#include "common/text/stopwords.h"

#include <algorithm>
#include <optional>

#include "common/text/analyzer.h"

namespace news::text {

const std::vector<std::string_view>& stopwords_for_language(
    std::string_view code) {
  // Function words (articles, pronouns, prepositions, conjunctions,
  // auxiliaries) that carry no topic, as they are written; the stopper
  // holds their analyzer terms.
  // English
  static const std::vector<std::string_view> kEnglish = {
      "a",       "about",  "above",   "after",      "again",    "against",
      "all",     "am",     "an",      "and",        "any",      "are",
      "as",      "at",     "be",      "because",    "been",     "before",
      "being",   "below",  "between", "both",       "but",      "by",
      "can",     "could",  "did",     "do",         "does",     "doing",
      "down",    "during", "each",    "few",        "for",      "from",
      "further", "had",    "has",     "have",       "having",   "he",
      "her",     "here",   "hers",    "herself",    "him",      "himself",
      "his",     "how",    "i",       "if",         "in",       "into",
      "is",      "it",     "its",     "itself",     "just",     "me",
      "more",    "most",   "my",      "myself",     "no",       "nor",
      "not",     "now",    "of",      "off",        "on",       "once",
      "only",    "or",     "other",   "our",        "ours",     "ourselves",
      "out",     "over",   "own",     "same",       "she",      "should",
      "so",      "some",   "such",    "than",       "that",     "the",
      "their",   "theirs", "them",    "themselves", "then",     "there",
      "these",   "they",   "this",    "those",      "through",  "to",
      "too",     "under",  "until",   "up",         "very",     "was",
      "we",      "were",   "what",    "when",       "where",    "which",
      "while",   "who",    "whom",    "why",        "will",     "with",
      "would",   "you",    "your",    "yours",      "yourself", "yourselves"};
  // German
  static const std::vector<std::string_view> kGerman = {
      "aber",    "alle",    "allem",   "allen",   "aller",    "alles",
      "als",     "also",    "am",      "an",      "ander",    "andere",
      "anderem", "anderen", "anderer", "anderes", "auch",     "auf",
      "aus",     "bei",     "bin",     "bis",     "bist",     "da",
      "damit",   "dann",    "das",     "dass",    "dasselbe", "dazu",
      "dein",    "deine",   "deinem",  "deinen",  "deiner",   "dem",
      "den",     "denn",    "der",     "derer",   "des",      "desselben",
      "dich",    "die",     "dies",    "diese",   "dieselbe", "diesem",
      "diesen",  "dieser",  "dieses",  "dir",     "doch",     "dort",
      "du",      "durch",   "ein",     "eine",    "einem",    "einen",
      "einer",   "eines",   "einig",   "einige",  "einigem",  "einigen",
      "einiger", "einiges", "einmal",  "er",      "es",       "etwas",
      "euch",    "euer",    "eure",    "für",     "gegen",    "gewesen",
      "hab",     "habe",    "haben",   "hat",     "hatte",    "hatten",
      "hier",    "hin",     "hinter",  "ich",     "ihm",      "ihn",
      "ihnen",   "ihr",     "ihre",    "ihrem",   "ihren",    "ihrer",
      "ihres",   "im",      "in",      "indem",   "ins",      "ist",
      "jede",    "jedem",   "jeden",   "jeder",   "jedes",    "jene",
      "jenem",   "jenen",   "jener",   "jenes",   "jetzt",    "kann",
      "kein",    "keine",   "keinem",  "keinen",  "keiner",   "keines",
      "können",  "könnte",  "machen",  "man",     "manche",   "mein",
      "meine",   "meinem",  "meinen",  "meiner",  "mich",     "mir",
      "mit",     "muss",    "musste",  "nach",    "nicht",    "nichts",
      "noch",    "nun",     "nur",     "ob",      "oder",     "ohne",
      "sehr",    "sein",    "seine",   "seinem",  "seinen",   "seiner",
      "seit",    "sich",    "sie",     "sind",    "so",       "solche",
      "soll",    "sollte",  "sondern", "sonst",   "über",     "um",
      "und",     "uns",     "unser",   "unsere",  "unter",    "viel",
      "vom",     "von",     "vor",     "während", "war",      "waren",
      "warst",   "was",     "weg",     "weil",    "weiter",   "welche",
      "welchem", "welchen", "welcher", "welches", "wenn",     "werde",
      "werden",  "wie",     "wieder",  "will",    "wir",      "wird",
      "wirst",   "wo",      "wollen",  "wollte",  "würde",    "würden",
      "zu",      "zum",     "zur",     "zwar",    "zwischen"};
  // French
  static const std::vector<std::string_view> kFrench = {
      "à",       "ai",      "aie",    "aient",    "aies",    "ait",    "as",
      "au",      "aura",    "aurai",  "auraient", "aurais",  "aurait", "aux",
      "avaient", "avais",   "avait",  "avec",     "avez",    "aviez",  "avions",
      "avoir",   "avons",   "ayant",  "c",        "ce",      "ceci",   "cela",
      "celle",   "celles",  "celui",  "ces",      "cet",     "cette",  "ceux",
      "d",       "dans",    "de",     "des",      "du",      "elle",   "elles",
      "en",      "es",      "est",    "et",       "étaient", "étais",  "était",
      "été",     "êtes",    "étions", "être",     "eu",      "eux",    "fait",
      "fut",     "il",      "ils",    "j",        "je",      "l",      "la",
      "le",      "les",     "leur",   "leurs",    "lui",     "m",      "ma",
      "mais",    "me",      "même",   "mes",      "moi",     "mon",    "n",
      "ne",      "nos",     "notre",  "nous",     "on",      "ont",    "ou",
      "où",      "par",     "pas",    "pour",     "qu",      "que",    "quel",
      "quelle",  "quelles", "quels",  "qui",      "s",       "sa",     "sans",
      "se",      "sera",    "seront", "ses",      "si",      "son",    "sont",
      "sous",    "sur",     "t",      "ta",       "te",      "tes",    "toi",
      "ton",     "tous",    "tout",   "toute",    "toutes",  "tu",     "un",
      "une",     "vos",     "votre",  "vous",     "y"};
  // Spanish
  static const std::vector<std::string_view> kSpanish = {
      "a",     "al",    "algo",    "algunas", "algunos", "ante",     "antes",
      "como",  "con",   "contra",  "cual",    "cuando",  "de",       "del",
      "desde", "donde", "durante", "e",       "el",      "él",       "ella",
      "ellas", "ellos", "en",      "entre",   "era",     "erais",    "eran",
      "eras",  "eres",  "es",      "esa",     "esas",    "ese",      "eso",
      "esos",  "esta",  "está",    "estaba",  "estaban", "estado",   "estar",
      "estas", "este",  "esto",    "estos",   "estoy",   "fue",      "fueron",
      "fui",   "ha",    "había",   "habían",  "han",     "has",      "hasta",
      "hay",   "la",    "las",     "le",      "les",     "lo",       "los",
      "más",   "me",    "mi",      "mí",      "mis",     "mucho",    "muchos",
      "muy",   "nada",  "ni",      "no",      "nos",     "nosotros", "o",
      "os",    "otra",  "otras",   "otro",    "otros",   "para",     "pero",
      "poco",  "por",   "porque",  "que",     "qué",     "quien",    "quienes",
      "se",    "sea",   "sean",    "ser",     "será",    "si",       "sí",
      "sido",  "sin",   "sobre",   "sois",    "somos",   "son",      "soy",
      "su",    "sus",   "también", "tanto",   "te",      "tenemos",  "tener",
      "tengo", "ti",    "tiene",   "tienen",  "todo",    "todos",    "tu",
      "tú",    "tus",   "un",      "una",     "uno",     "unos",     "vosotros",
      "y",     "ya",    "yo"};
  // Portuguese
  static const std::vector<std::string_view> kPortuguese = {
      "a",       "à",      "ao",     "aos",   "aquela", "aquelas", "aquele",
      "aqueles", "aquilo", "as",     "às",    "até",    "com",     "como",
      "da",      "das",    "de",     "dela",  "delas",  "dele",    "deles",
      "depois",  "do",     "dos",    "e",     "é",      "ela",     "elas",
      "ele",     "eles",   "em",     "entre", "era",    "eram",    "essa",
      "essas",   "esse",   "esses",  "esta",  "está",   "estão",   "estas",
      "este",    "estes",  "eu",     "foi",   "foram",  "há",      "isso",
      "isto",    "já",     "lhe",    "lhes",  "mais",   "mas",     "me",
      "mesmo",   "meu",    "meus",   "minha", "minhas", "muito",   "na",
      "não",     "nas",    "nem",    "no",    "nos",    "nós",     "nossa",
      "nossas",  "nosso",  "nossos", "num",   "numa",   "o",       "os",
      "ou",      "para",   "pela",   "pelas", "pelo",   "pelos",   "por",
      "qual",    "quando", "que",    "quem",  "são",    "se",      "sem",
      "ser",     "será",   "seu",    "seus",  "só",     "sua",     "suas",
      "também",  "te",     "tem",    "têm",   "teu",    "tu",      "tua",
      "um",      "uma",    "umas",   "uns",   "você",   "vocês",   "vos"};
  // Russian
  static const std::vector<std::string_view> kRussian = {
      "а",    "без",   "более", "бы",     "был",   "была", "были",  "было",
      "быть", "в",     "вам",   "вас",    "весь",  "во",   "вот",   "все",
      "всё",  "всего", "всех",  "вы",     "где",   "да",   "даже",  "для",
      "до",   "его",   "ее",    "её",     "ей",    "если", "есть",  "еще",
      "ещё",  "же",    "за",    "и",      "из",    "или",  "им",    "их",
      "к",    "как",   "ко",    "когда",  "кто",   "ли",   "либо",  "между",
      "меня", "мне",   "может", "мы",     "на",    "над",  "надо",  "наш",
      "не",   "него",  "нее",   "неё",    "нет",   "ни",   "них",   "но",
      "ну",   "о",     "об",    "однако", "он",    "она",  "они",   "оно",
      "от",   "очень", "по",    "под",    "после", "при",  "про",   "с",
      "со",   "так",   "также", "такой",  "там",   "те",   "тем",   "то",
      "того", "тоже",  "той",   "только", "том",   "тот",  "ту",    "ты",
      "у",    "уже",   "хотя",  "чем",    "через", "что",  "чтобы", "эта",
      "эти",  "это",   "этого", "этой",   "этом",  "этот", "я"};
  // Italian
  static const std::vector<std::string_view> kItalian = {
      "a",      "ad",     "agli",   "ai",     "al",     "alla",   "alle",
      "allo",   "anche",  "avere",  "aveva",  "c",      "che",    "chi",
      "ci",     "come",   "con",    "contro", "cui",    "da",     "dagli",
      "dai",    "dal",    "dalla",  "dalle",  "dallo",  "degli",  "dei",
      "del",    "della",  "delle",  "dello",  "di",     "dove",   "e",
      "è",      "ed",     "era",    "erano",  "essere", "gli",    "ha",
      "hanno",  "i",      "il",     "in",     "io",     "la",     "le",
      "lei",    "li",     "lo",     "loro",   "lui",    "ma",     "mi",
      "mia",    "mie",    "miei",   "mio",    "ne",     "negli",  "nei",
      "nel",    "nella",  "nelle",  "nello",  "noi",    "non",    "nostra",
      "nostre", "nostri", "nostro", "o",      "per",    "perché", "più",
      "quale",  "quando", "quella", "quelle", "quelli", "quello", "questa",
      "queste", "questi", "questo", "se",     "sei",    "si",     "sia",
      "siamo",  "sono",   "sta",    "su",     "sua",    "sue",    "sugli",
      "sui",    "sul",    "sulla",  "sulle",  "suo",    "suoi",   "te",
      "ti",     "tra",    "tu",     "tutti",  "tutto",  "un",     "una",
      "uno",    "vi",     "voi"};
  // Dutch
  static const std::vector<std::string_view> kDutch = {
      "aan",   "al",     "alles",  "als",    "altijd", "andere",  "ben",
      "bij",   "daar",   "dan",    "dat",    "de",     "der",     "deze",
      "die",   "dit",    "doch",   "doen",   "door",   "dus",     "een",
      "eens",  "en",     "er",     "ge",     "geen",   "geweest", "haar",
      "had",   "heb",    "hebben", "heeft",  "hem",    "het",     "hier",
      "hij",   "hoe",    "hun",    "iemand", "iets",   "ik",      "in",
      "is",    "ja",     "je",     "kan",    "kon",    "kunnen",  "maar",
      "me",    "meer",   "men",    "met",    "mij",    "mijn",    "moet",
      "na",    "naar",   "niet",   "niets",  "nog",    "nu",      "of",
      "om",    "omdat",  "onder",  "ons",    "ook",    "op",      "over",
      "reeds", "te",     "tegen",  "toch",   "toen",   "tot",     "u",
      "uit",   "uw",     "van",    "veel",   "voor",   "want",    "waren",
      "was",   "wat",    "werd",   "wezen",  "wie",    "wil",     "worden",
      "wordt", "zal",    "ze",     "zelf",   "zich",   "zij",     "zijn",
      "zo",    "zonder", "zou"};
  // Swedish
  static const std::vector<std::string_view> kSwedish = {
      "alla",   "allt", "att",    "av",    "blev",   "bli",    "blir",
      "blivit", "de",   "dem",    "den",   "denna",  "deras",  "dess",
      "dessa",  "det",  "detta",  "dig",   "din",    "dina",   "ditt",
      "du",     "där",  "då",     "efter", "ej",     "eller",  "en",
      "er",     "era",  "ert",    "ett",   "från",   "för",    "ha",
      "hade",   "han",  "hans",   "har",   "henne",  "hennes", "hon",
      "honom",  "hur",  "här",    "i",     "icke",   "ingen",  "inom",
      "inte",   "jag",  "ju",     "kan",   "kunde",  "man",    "med",
      "mellan", "men",  "mig",    "min",   "mina",   "mitt",   "mot",
      "mycket", "ni",   "nu",     "när",   "någon",  "något",  "några",
      "och",    "om",   "oss",    "på",    "samma",  "sedan",  "sig",
      "sin",    "sina", "sitta",  "själv", "skulle", "som",    "så",
      "sådan",  "till", "under",  "upp",   "ut",     "utan",   "vad",
      "var",    "vara", "varför", "varit", "varje",  "vars",   "vart",
      "vem",    "vi",   "vid",    "vilka", "vilken", "vilket", "vår",
      "våra",   "vårt", "än",     "är",    "åt",     "över"};
  // Norwegian (Bokmål and Nynorsk)
  static const std::vector<std::string_view> kNorwegian = {
      "alle",    "at",        "av",    "bare",    "begge",   "ble",    "blei",
      "bli",     "blir",      "blitt", "både",    "da",      "de",     "deg",
      "dei",     "deim",      "deira", "deires",  "dem",     "den",    "denne",
      "der",     "dere",      "deres", "det",     "dette",   "di",     "din",
      "disse",   "ditt",      "du",    "dykk",    "dykkar",  "då",     "eg",
      "ein",     "eit",       "eitt",  "eller",   "elles",   "en",     "enn",
      "er",      "et",        "ett",   "etter",   "for",     "fordi",  "fra",
      "før",     "ha",        "hadde", "han",     "hans",    "har",    "hennar",
      "henne",   "hennes",    "her",   "hjå",     "ho",      "hoe",    "honom",
      "hoss",    "hossen",    "hun",   "hva",     "hvem",    "hver",   "hvilke",
      "hvilken", "hvis",      "hvor",  "hvordan", "hvorfor", "i",      "ikke",
      "ikkje",   "ingen",     "ingi",  "inkje",   "inn",     "inni",   "ja",
      "jeg",     "kan",       "kom",   "korleis", "kun",     "kunne",  "kva",
      "kvar",    "kvarhelst", "kven",  "kvi",     "kvifor",  "man",    "mange",
      "me",      "med",       "medan", "meg",     "meget",   "mellom", "men",
      "mi",      "min",       "mine",  "mitt",    "mot",     "mykje",  "ned",
      "no",      "noe",       "noen",  "noka",    "noko",    "nokon",  "nokor",
      "nokre",   "nå",        "når",   "og",      "også",    "om",     "opp",
      "oss",     "over",      "på",    "samme",   "seg",     "selv",   "si",
      "sia",     "sidan",     "siden", "sin",     "sine",    "sitt",   "sjøl",
      "skal",    "skulle",    "slik",  "so",      "som",     "somme",  "somt",
      "så",      "sånn",      "til",   "um",      "upp",     "ut",     "uten",
      "var",     "vart",      "varte", "ved",     "vere",    "verte",  "vi",
      "vil",     "ville",     "vore",  "vors",    "vort",    "vår",    "være",
      "vært",    "å"};
  static const std::vector<std::string_view> kNone;
  if (code == "en") return kEnglish;
  if (code == "de") return kGerman;
  if (code == "fr") return kFrench;
  if (code == "es") return kSpanish;
  if (code == "pt") return kPortuguese;
  if (code == "ru") return kRussian;
  if (code == "it") return kItalian;
  if (code == "nl") return kDutch;
  if (code == "sv") return kSwedish;
  if (code == "no") return kNorwegian;
  return kNone;
}

namespace {

// A word of lower-case ASCII letters is its own analyzer term.
bool is_own_term(std::string_view word) {
  return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
    return c >= 'a' && c <= 'z';
  });
}

}  // namespace

bool TermStopper::operator()(const std::string& term) const {
  return std::binary_search(terms_.begin(), terms_.end(),
                            std::string_view(term));
}

std::string TermStopper::get_description() const {
  std::string description = "news::text::TermStopper(";
  for (std::size_t i = 0; i < terms_.size(); ++i) {
    if (i > 0) description += ' ';
    description += terms_[i];
  }
  description += ')';
  return description;
}

std::unique_ptr<TermStopper> make_stopper(std::string_view code) {
  const std::vector<std::string_view>& words = stopwords_for_language(code);
  if (words.empty()) return nullptr;
  auto stopper = std::make_unique<TermStopper>();
  stopper->terms_.reserve(words.size());
  // The analyzer (ICU objects) only for the words that need it: English
  // needs none.
  std::optional<Analyzer> analyzer;
  for (const std::string_view word : words) {
    if (is_own_term(word)) {
      stopper->terms_.push_back(word);
      continue;
    }
    if (!analyzer) analyzer.emplace("");
    std::string term = analyzer->normalize_word(word);
    if (term.empty()) continue;
    stopper->owned_.push_back(std::move(term));
    stopper->terms_.push_back(stopper->owned_.back());
  }
  std::sort(stopper->terms_.begin(), stopper->terms_.end());
  stopper->terms_.erase(
      std::unique(stopper->terms_.begin(), stopper->terms_.end()),
      stopper->terms_.end());
  return stopper;
}

}  // namespace news::text
