// Outlet evidence in scraped text dumps and in folder names. Unknown is
// better than wrong: these only ever return a name the input states.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/input_file.h"

namespace news::corpus {

struct OutletGuess {
  std::string name;  // spelled as in the input ("SouthFront")
  std::string rule;  // extraction fact, e.g. "text:support-banner"
};

// The outlet named by the text itself, by rule in this order:
// - "text:support-banner": a line "Support X" where X is one to three
//   capitalised words, and X is a CamelCase brand ("SouthFront"), stands
//   alone on another line, or the banner occurs twice;
// - "text:copyright": a short line "© 2019 X", "Copyright © 2015-2019 X. All
//   rights reserved", "(c) 2019 X", where X is not a news agency or picture
//   agency and the line is no photo or syndication credit ("© Jane
//   Doe/AFP", "© Provided by X", "Distributed by Tribune Content Agency"):
//   those name a photographer or the original publisher, not the outlet.
// nullopt when there is no such line.
std::optional<OutletGuess> find_outlet_in_text(
    const std::vector<std::string_view>& lines);

// The first folder of file.path below file.root (rule "dir"), or nullopt
// when the file lies directly in its root or has no root (path lists).
std::optional<OutletGuess> outlet_from_dir(const InputFile& file);

}  // namespace news::corpus
