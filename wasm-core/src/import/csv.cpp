// Strict CSV reading for imported measurements (measurements.hpp): RFC 4180 (comma
// separator, double quotes around fields, "" for a quote inside), \n or \r\n line ends.
// Anything ambiguous is an error with its line, never a guess: a file whose header has no
// comma but a semicolon or tab is reported as using the wrong delimiter.
#include <string>
#include <string_view>

#include "llmfp/measurements.hpp"

namespace llmfp::measurements {

namespace {

[[noreturn]] void text_error(const std::string& message) {
  fail(code::kInvalidValue, "/text", message);
}

std::string trim(const std::string& s) {
  std::size_t a = 0;
  std::size_t b = s.size();
  while (a < b && (s[a] == ' ' || s[a] == '\t')) ++a;
  while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t')) --b;
  return s.substr(a, b - a);
}

}  // namespace

bool formula_like(std::string_view text) {
  return !text.empty() && std::string_view("=+-@\t\r").find(text[0]) != std::string_view::npos;
}

// One pass of a small state machine over the text (quoted fields, escaped quotes, CR/LF);
// splitting it would scatter the states it shares.
// NOLINTNEXTLINE(readability-function-cognitive-complexity,readability-function-size)
Table parse_csv(const std::string& text) {
  std::size_t start = 0;
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) start = 3;  // UTF-8 byte order mark
  bool blank = true;
  for (std::size_t i = start; i < text.size() && blank; ++i)
    blank = text[i] == ' ' || text[i] == '\n' || text[i] == '\r' || text[i] == '\t';
  if (blank) text_error("the file is empty");
  std::vector<std::vector<std::string>> records;
  std::vector<std::size_t> record_lines;
  std::vector<std::string> row;
  std::string cell;
  bool quoted = false;
  bool after_quote = false;
  std::size_t line = 1;
  std::size_t row_line = 1;
  const auto end_row = [&] {
    row.push_back(cell);
    cell.clear();
    const bool empty_line = row.size() == 1 && trim(row[0]).empty();
    if (!empty_line) {
      records.push_back(std::move(row));
      record_lines.push_back(row_line);
    }
    row.clear();
    after_quote = false;
  };
  for (std::size_t i = start; i < text.size(); ++i) {
    const char ch = text[i];
    if (quoted) {
      if (ch == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (ch == '"') {
        quoted = false;
        after_quote = true;
      } else {
        if (ch == '\n') ++line;
        cell += ch;
      }
      continue;
    }
    if (ch == ',') {
      row.push_back(cell);
      cell.clear();
      after_quote = false;
    } else if (ch == '\n' || ch == '\r') {
      if (ch == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      end_row();
      row_line = ++line;
    } else if (ch == '"' && trim(cell).empty() && !after_quote) {
      quoted = true;
      cell.clear();
    } else if (after_quote && ch != ' ' && ch != '\t') {
      text_error("line " + std::to_string(line) +
                 ": text after a closing quote (quote a whole field, and double quotes inside it)");
    } else if (ch == '"') {
      text_error(
          "line " + std::to_string(line) +
          ": a quote in the middle of a field (write the field in quotes, with \"\" for a quote)");
    } else {
      cell += ch;
    }
  }
  if (quoted)
    text_error("a quoted field opened on line " + std::to_string(row_line) + " is never closed");
  if (!cell.empty() || !row.empty()) end_row();
  Table t;
  for (auto& h : records.front()) t.header.push_back(trim(h));
  if (t.header.size() == 1) {
    const std::string& h = records.front()[0];
    if (h.find(';') != std::string::npos) {
      text_error(
          "the header has no commas but semicolons: save the file with commas as delimiters");
    }
    if (h.find('\t') != std::string::npos)
      text_error("the header has no commas but tabs: save the file with commas as delimiters");
  }
  for (std::size_t r = 1; r < records.size(); ++r) {
    if (records[r].size() != t.header.size()) {
      text_error("line " + std::to_string(record_lines[r]) + " has " +
                 std::to_string(records[r].size()) + " fields but the header has " +
                 std::to_string(t.header.size()));
    }
    for (auto& c : records[r]) {
      c = trim(c);
      if (c.size() > 1 && c[0] == '\'' && formula_like(std::string_view(c).substr(1)))
        c.erase(0, 1);
    }
    t.rows.push_back(std::move(records[r]));
    t.lines.push_back(record_lines[r]);
  }
  if (t.rows.empty()) text_error("the file has a header but no data rows");
  return t;
}

}  // namespace llmfp::measurements
