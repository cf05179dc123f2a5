// Charset sniffing and decoding of HTML pages.
#include <gtest/gtest.h>

#include <string>

#include "corpus/html/charset.h"

namespace news::corpus::html {
namespace {

using std::string_literals::operator""s;

TEST(HtmlCharset, SniffsTheByteOrderMarkTheTransportAndTheMeta) {
  const struct {
    std::string bytes;
    const char* declared;
    const char* expected;
  } kCases[] = {
      {"\xEF\xBB\xBF<html><meta charset=iso-8859-1>", "", "utf-8"},
      {"\xFF\xFE<\0h\0"s, "", "utf-16le"},
      {"\xFE\xFF\0<\0h"s, "windows-1251", "utf-16be"},
      {"<html><meta charset=iso-8859-1>", "UTF-8", "utf-8"},
      {"<html><meta charset=\"ISO-8859-1\">", "", "iso-8859-1"},
      {"<html><meta charset='windows-1251' />", "", "windows-1251"},
      {"<meta http-equiv=\"Content-Type\" content=\"text/html; "
       "charset=Shift_JIS\">",
       "", "shift_jis"},
      {"<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?><html>", "",
       "iso-8859-15"},
      {"<html><head><title>no declaration</title>", "", ""},
      {std::string(kCharsetSniffBytes, ' ') + "<meta charset=koi8-r>", "", ""},
  };
  for (const auto& test : kCases) {
    EXPECT_EQ(sniff_charset(test.bytes, test.declared), test.expected)
        << "bytes: " << test.bytes.substr(0, 60);
  }
}

TEST(HtmlCharset, DecodesToUtf8) {
  const struct {
    std::string bytes;
    const char* charset;
    const char* expected;
    const char* used;
  } kCases[] = {
      {"Caf\xE9 \x80", "iso-8859-1", "Café €", "windows-1252"},
      {"Caf\xE9 \x80", "windows-1252", "Café €", "windows-1252"},
      {"Caf\xE9", "", "Café", "windows-1252"},
      {"Caf\xC3\xA9", "", "Café", "utf-8"},
      {"\xEF\xBB\xBF"
       "Caf\xC3\xA9",
       "utf-8", "Café", "utf-8"},
      {"\xD0\xCF\xC2\xC5\xC4\xC1", "koi8-r", "победа", "koi8-r"},
      {"\xFF\xFE"
       "C\0a\0f\0\xE9\0"s,
       "utf-16le", "Café", "utf-16le"},
      {"Caf\xC3\xA9", "utf-16", "Café", "utf-8"},
      {"Caf\xE9", "x-no-such-charset", "Café", "windows-1252"},
  };
  for (const auto& test : kCases) {
    const DecodedPage page = decode_page(test.bytes, test.charset);
    EXPECT_EQ(page.text, test.expected) << "charset: " << test.charset;
    EXPECT_EQ(page.charset, test.used) << "charset: " << test.charset;
  }
}

}  // namespace
}  // namespace news::corpus::html
