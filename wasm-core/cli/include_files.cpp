#include "include_files.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <memory>

#include <sys/stat.h>

#include "llmfp/api.hpp"

namespace llmfp::cli {

namespace {

constexpr std::size_t kMaxNameBytes = 120;  // of a file name echoed in a message

struct Fd {
  int fd;
  explicit Fd(int f) : fd(f) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

/// The real path (symlinks and .. resolved) of an existing file, or "" if there is none.
std::string real_path(const std::string& file) {
  std::unique_ptr<char, decltype(&std::free)> resolved(::realpath(file.c_str(), nullptr),
                                                       &std::free);
  return resolved ? std::string(resolved.get()) : std::string();
}

bool is_under(const std::string& path, const std::string& folder) {
  if (folder == "/") return path.size() > 1 && path[0] == '/';
  return path.size() > folder.size() && path.compare(0, folder.size(), folder) == 0 &&
         path[folder.size()] == '/';
}

struct Context {
  std::string base_dir;
  std::string root;  // real path
  std::size_t total_bytes = 0;
};

std::string read_include(const std::string& name, const std::string& where, Context& ctx) {
  const std::string shown = quote_input(name, kMaxNameBytes);
  const std::string real = real_path(ctx.base_dir + "/" + name);
  // The same answer for a missing file and for one outside the folder: a request cannot
  // learn which files exist elsewhere on the machine.
  if (real.empty() || !is_under(real, ctx.root)) {
    fail(code::kUnknownValue, where,
         "$include " + shown + ": no such file in the request's folder (" +
             quote_input(ctx.root, kMaxNameBytes) +
             "); include only files inside it, by a relative path");
  }
  // O_NONBLOCK: opening a named pipe does not wait for a writer; O_NOFOLLOW: the file
  // checked above cannot have been swapped for a symlink since.
  const Fd f(::open(real.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_NOFOLLOW | O_CLOEXEC));
  struct stat st {};
  if (f.fd < 0 || ::fstat(f.fd, &st) != 0) {
    fail(code::kUnknownValue, where, "$include " + shown + ": the file cannot be read");
  }
  if (!S_ISREG(st.st_mode)) {
    fail(code::kInvalidValue, where,
         "$include " + shown + " is not a regular file (a folder, device or pipe); include a " +
             "JSON file");
  }
  const std::size_t left = kMaxRequestBytes - ctx.total_bytes;
  if (static_cast<unsigned long long>(st.st_size) > left) {
    fail(code::kTooLarge, where,
         "$include " + shown + " is too large: the request and its included files may hold " +
             std::to_string(kMaxRequestBytes) + " bytes in all");
  }
  std::string text = read_fd(f.fd, left);
  if (text.size() > left) {  // grew while being read
    fail(code::kTooLarge, where,
         "$include " + shown + " is too large: the request and its included files may hold " +
             std::to_string(kMaxRequestBytes) + " bytes in all");
  }
  ctx.total_bytes += text.size();
  return text;
}

// NOLINTNEXTLINE(misc-no-recursion): depth bounded by kMaxJsonDepth (parse_json's limit)
void resolve(json& value, const std::string& path, int depth, Context& ctx) {
  if (value.is_object()) {
    auto it = value.find("$include");
    if (it != value.end() && value.size() == 1) {
      const std::string where = pointer_child(path, "$include");
      if (!it->is_string()) fail(code::kWrongType, where, "$include must be a file path string");
      const std::string name = it->get<std::string>();
      const std::string text = read_include(name, where, ctx);
      try {
        // The included value takes this object's place: it may nest only as deep as the
        // limit leaves from here, so the whole request stays within kMaxJsonDepth.
        value = parse_json(text, kMaxJsonDepth - depth, path, "the file");
      } catch (const InputError& e) {
        if (e.issue().code != code::kParseError) throw;
        fail(code::kParseError, where,
             "$include " + quote_input(name, kMaxNameBytes) + ": " + e.issue().message);
      }
      return;
    }
    for (const auto& [key, child] : value.items())
      resolve(child, pointer_child(path, key), depth + 1, ctx);
  } else if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      resolve(value[i], pointer_child(path, i), depth + 1, ctx);
    }
  }
}

}  // namespace

std::string read_fd(int fd, std::size_t max_bytes) {
  std::string out;
  char buffer[65536];
  while (out.size() <= max_bytes) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    out.append(buffer, static_cast<std::size_t>(n));
  }
  if (out.size() > max_bytes + 1) out.resize(max_bytes + 1);
  return out;
}

std::string read_file(const std::string& file, const std::string& pointer) {
  const Fd f(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
  if (f.fd < 0)
    fail(code::kUnknownValue, pointer, "cannot read file " + quote_input(file, kMaxNameBytes));
  return read_fd(f.fd, kMaxRequestBytes);
}

void resolve_includes(json& value, const std::string& base_dir, const std::string& root) {
  Context ctx;
  ctx.base_dir = base_dir;
  ctx.root = real_path(root.empty() ? base_dir : root);
  if (ctx.root.empty()) {
    fail(code::kUnknownValue, "",
         "the request's folder " + quote_input(base_dir, kMaxNameBytes) + " cannot be read");
  }
  resolve(value, "", 0, ctx);
}

}  // namespace llmfp::cli
