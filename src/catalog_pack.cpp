#include "catalog_pack.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstring>
#include <deque>
#include <unordered_map>

#include "catalog_checks.hpp"
#include "catalog_members.hpp"

namespace versus {

namespace {

// The layout is the member lists of catalog_members.hpp: every archive below walks them, in their
// order; a member's key names its stream and its place in the paths of problems. Their rules are
// the JSON reader's and the checks' (checks::decoded): these archives ignore them.

// ---- encodings ----

uint64_t zigzag(int64_t v) {
  return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v < 0 ? -1 : 0);
}
int64_t unzigzag(uint64_t u) { return static_cast<int64_t>(u >> 1) ^ -static_cast<int64_t>(u & 1); }

// A double is the varint (zigzag(m) << 4 | k), read back as m / 10^k, for the first k that gives
// back the very same bits (a price like 0.15 takes two bytes); k = 15 marks the double's own 8
// bytes, little-endian, following.
constexpr double kPow10[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6, 1e7,
                             1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14};
constexpr uint64_t kRawDouble = 15;
constexpr double kExactIntegers = 9007199254740992.0;  // 2^53

// Ends each string of the string table (and each stream name): a byte UTF-8 never holds.
constexpr char kEnd = '\xff';

void putVarint(std::string& out, uint64_t v) {
  while (v >= 0x80) {
    out += static_cast<char>((v & 0x7f) | 0x80);
    v >>= 7;
  }
  out += static_cast<char>(v);
}

void putDouble(std::string& out, double v) {
  for (uint64_t k = 0; k < kRawDouble; ++k) {
    double scaled = v * kPow10[k];
    if (!(std::fabs(scaled) < kExactIntegers)) break;  // also NaN
    auto m = static_cast<int64_t>(std::nearbyint(scaled));
    double back = static_cast<double>(m) / kPow10[k];  // exactly what the reader computes
    if (std::memcmp(&back, &v, sizeof v) == 0) {       // (so -0.0 stays -0.0: 8 bytes)
      putVarint(out, zigzag(m) << 4 | k);
      return;
    }
  }
  putVarint(out, kRawDouble);
  uint64_t bits;
  std::memcpy(&bits, &v, sizeof v);
  for (int i = 0; i < 8; ++i) out += static_cast<char>((bits >> (8 * i)) & 0xff);
}

// Each member goes to the stream of its name and kind ("price:o", "value:d"): alike values sit
// together, where gzip finds them. A container's count and items stay in its own stream (items
// that are objects send their members on to theirs).
template <class T>
struct Kind {
  static constexpr char tag = 'x';  // an object: writes nothing itself
};
template <>
struct Kind<std::string> {
  static constexpr char tag = 's';
};
template <>
struct Kind<int64_t> {
  static constexpr char tag = 'i';
};
template <>
struct Kind<double> {
  static constexpr char tag = 'd';
};
template <>
struct Kind<bool> {
  static constexpr char tag = 'b';
};
template <>
struct Kind<Status> {
  static constexpr char tag = 'e';
};
template <OptionalMember O>
struct Kind<O> {
  static constexpr char tag = 'o';
};
template <class T>
struct Kind<std::vector<T>> {
  static constexpr char tag = 'v';
};
template <class T>
struct Kind<std::map<std::string, T>> {
  static constexpr char tag = 'm';
};

std::string streamName(const char* name, char tag) { return std::string(name) + ':' + tag; }

// ---- writing: collect the strings, then write ----

// Every distinct string in the order it is first written.
class StringCollector {
 public:
  std::unordered_map<std::string_view, uint64_t> index;
  std::vector<std::string_view> strings;

  template <class T, class... Rule>
  void field(const char*, T& v, Rule...) {
    io(v);
  }
  void sourcesAndBenchmarksRead(Catalog&) {}

  void io(std::string& s) { add(s); }
  void io(int64_t&) {}
  void io(double&) {}
  void io(bool&) {}
  void io(Status&) {}
  template <OptionalMember O>
  void io(O& v) {
    if (v) io(*v);
  }
  template <class T>
  void io(std::vector<T>& v) {
    for (T& x : v) io(x);
  }
  template <class T>
  void io(std::map<std::string, T>& m) {
    for (auto& entry : m) {
      add(entry.first);
      io(entry.second);
    }
  }
  template <class T>
  void io(T& x) {
    members::visit(*this, x);
  }

 private:
  void add(std::string_view s) {
    if (index.emplace(s, strings.size()).second) strings.push_back(s);
  }
};

class Writer {
 public:
  explicit Writer(const std::unordered_map<std::string_view, uint64_t>& index) : index_(index) {}

  // The streams, in the order of first use: name, bytes.
  std::deque<std::pair<std::string, std::string>> streams;

  template <class T, class... Rule>
  void field(const char* name, T& v, Rule...) {
    std::string* outer = out_;
    out_ = &stream(streamName(name, Kind<T>::tag));
    io(v);
    out_ = outer;
  }
  void sourcesAndBenchmarksRead(Catalog&) {}

  void io(std::string& s) { key(s); }
  void io(int64_t& v) { putVarint(*out_, zigzag(v)); }
  void io(double& v) { putDouble(*out_, v); }
  void io(bool& v) { *out_ += static_cast<char>(v ? 1 : 0); }
  void io(Status& v) { putVarint(*out_, static_cast<uint64_t>(v)); }
  template <OptionalMember O>
  void io(O& v) {
    *out_ += static_cast<char>(v ? 1 : 0);
    if (v) io(*v);
  }
  template <class T>
  void io(std::vector<T>& v) {
    putVarint(*out_, v.size());
    for (T& x : v) io(x);
  }
  template <class T>
  void io(std::map<std::string, T>& m) {
    putVarint(*out_, m.size());
    for (auto& entry : m) {
      key(entry.first);
      io(entry.second);
    }
  }
  template <class T>
  void io(T& x) {
    members::visit(*this, x);
  }

 private:
  // A string: 0 for the next string of the table not written yet (strings are in the order of
  // first use, so a first use is always 0), else its index + 1.
  void key(std::string_view s) {
    uint64_t i = index_.find(s)->second;  // collected: always there
    if (i == next_) {
      putVarint(*out_, 0);
      ++next_;
    } else {
      putVarint(*out_, i + 1);
    }
  }

  std::string& stream(const std::string& name) {
    auto it = byName_.find(name);
    if (it != byName_.end()) return *it->second;
    streams.emplace_back(name, std::string());  // a deque: earlier streams do not move
    byName_.emplace(name, &streams.back().second);
    return streams.back().second;
  }

  const std::unordered_map<std::string_view, uint64_t>& index_;
  std::unordered_map<std::string, std::string*> byName_;
  std::string* out_ = nullptr;
  uint64_t next_ = 0;
};

// ---- reading ----

// The fewest bytes a T takes in a pack (a default T: every string, number, flag, optional and
// container one byte), so that a count can be checked against the bytes left before anything is
// reserved.
class MinSize {
 public:
  size_t bytes = 0;
  template <class T, class... Rule>
  void field(const char*, T& v, Rule...) {
    io(v);
  }
  void sourcesAndBenchmarksRead(Catalog&) {}
  template <class T>
  void io(T& x) {
    if constexpr (Kind<T>::tag == 'x')
      members::visit(*this, x);
    else
      ++bytes;
  }
};

template <class T>
size_t minPackedSize() {
  static const size_t n = [] {
    MinSize m;
    T x{};
    m.io(x);
    return std::max<size_t>(m.bytes, 1);
  }();
  return n;
}

class Reader;

// Reports the checks' problems at the reader's current place, as JsonReader does in a document.
class Reporter {
 public:
  explicit Reporter(const Reader& reader) : reader_(reader) {}
  void problemAt(std::string_view key, std::string message) const;
  const ReadContext* context() const;

 private:
  const Reader& reader_;
};

// A number decoded from a pack, quoted as JSON writes it.
std::string numberText(const Reporter&, std::string_view, double value) {
  return Json(value).dump();
}

class Reader {
 public:
  Reader(std::string_view bytes, std::vector<Problem>& problems)
      : head_{reinterpret_cast<const unsigned char*>(bytes.data()),
              reinterpret_cast<const unsigned char*>(bytes.data()) + bytes.size()},
        left_(bytes.size()),
        problems_(problems) {}

  // The first thing that made the bytes unreadable ("pack: truncated in offers[12].price"), or "".
  const std::string& error() const { return error_; }

  bool header() {
    const unsigned char *p = head_.p, *end = head_.end;
    if (static_cast<size_t>(end - p) < kPackMagic.size() ||
        std::memcmp(p, kPackMagic.data(), kPackMagic.size()) != 0) {
      auto first = std::find_if(p, end, [](unsigned char c) { return !std::isspace(c); });
      bool json = first != end && (*first == '{' || *first == '[');
      error_ = p == end ? "pack: not a Versus catalog pack (no bytes)"
               : json   ? "pack: not a Versus catalog pack (it looks like JSON)"
                        : "pack: not a Versus catalog pack";
      return false;
    }
    head_.p += kPackMagic.size();
    Place place(*this, "header");
    uint64_t version = 0;
    if (!varint(version)) return false;
    if (version != kPackFormatVersion) {
      error_ = "pack: format version " + std::to_string(version) + ", this engine reads " +
               std::to_string(kPackFormatVersion);
      return false;
    }
    return true;
  }

  bool stringTable() {
    Place place(*this, "strings");
    uint64_t n = 0;
    if (!varint(n)) return false;
    if (n > head_.left()) return fail("truncated (" + std::to_string(n) + " strings claimed)");
    strings_.reserve(static_cast<size_t>(n));
    balanced_.reserve(static_cast<size_t>(n));
    for (uint64_t i = 0; i < n; ++i) {
      std::string_view s;
      if (!terminated(s)) return false;
      if (!isUtf8(s)) return fail("strings[" + std::to_string(i) + "] is not UTF-8");
      strings_.push_back(s);
      balanced_.push_back(isBidiBalanced(s));
    }
    return true;
  }

  bool streamTable() {
    Place place(*this, "streams");
    uint64_t n = 0;
    if (!varint(n)) return false;
    if (n > head_.left() / 2) return fail("truncated (" + std::to_string(n) + " streams claimed)");
    std::vector<uint64_t> sizes;
    uint64_t total = 0;
    for (uint64_t i = 0; i < n; ++i) {
      std::string_view name;
      uint64_t size = 0;
      if (!terminated(name) || !varint(size)) return false;
      if (!isUtf8(name)) return fail("streams[" + std::to_string(i) + "] is not named in UTF-8");
      total += size;
      if (size > head_.left() || total > head_.left()) return fail("truncated");
      if (!byName_.emplace(std::string(name), sizes.size()).second)
        return fail("stream \"" + std::string(name) + "\" appears twice");
      names_.emplace_back(name);
      sizes.push_back(size);
    }
    if (total != head_.left()) {
      uint64_t extra = head_.left() - total;
      error_ = "pack: " + std::to_string(extra) + (extra == 1 ? " byte" : " bytes") +
               " after the last stream";
      return false;
    }
    streams_.reserve(sizes.size());
    for (uint64_t size : sizes) {
      streams_.push_back({head_.p, head_.p + size});
      head_.p += size;
    }
    left_ = total;
    return true;
  }

  // After the catalog: every stream read to its end.
  void end() {
    if (failed()) return;
    for (size_t i = 0; i < streams_.size(); ++i) {
      if (streams_[i].left() > 0)
        fail(std::to_string(streams_[i].left()) + " bytes left over in stream " +
             std::string(names_[i]));
    }
  }

  // ---- the archive ----
  template <class T, class... Rule>
  void field(const char* name, T& v, Rule...) {
    if (failed()) return;
    Cursor* outer = cur_;
    cur_ = stream(name, Kind<T>::tag);
    push(Segment::member(name));
    io(v);
    --depth_;
    cur_ = outer;
  }

  void sourcesAndBenchmarksRead(Catalog& c) {
    for (const auto& source : c.sources) context_.sourceIds.insert(source.first);
    for (const Benchmark& b : c.benchmarks) context_.benchmarkIds.insert(b.id);
    hasContext_ = true;
  }

  void io(std::string& s) {
    size_t i = 0;
    if (!stringIndex(i)) return;
    s = strings_[i];
    if (!balanced_[i]) problems_.push_back({path(), std::string(kUnclosedBidi)});
  }
  void io(int64_t& v) {
    uint64_t u = 0;
    if (varint(u)) v = unzigzag(u);
  }
  void io(double& v) {
    uint64_t h = 0;
    if (!varint(h)) return;
    uint64_t k = h & 15;
    if (k != kRawDouble) {
      v = static_cast<double>(unzigzag(h >> 4)) / kPow10[k];
      return;
    }
    uint64_t bits = 0;
    for (int i = 0; i < 8; ++i) {
      unsigned char b = 0;
      if (!byte(b)) return;
      bits |= static_cast<uint64_t>(b) << (8 * i);
    }
    std::memcpy(&v, &bits, sizeof v);
    if (!std::isfinite(v)) fail("not a finite number");
  }
  void io(bool& v) {
    unsigned char b = 0;
    if (!byte(b)) return;
    if (b > 1) return (void)fail("not a boolean (" + std::to_string(b) + ")");
    v = b == 1;
  }
  void io(Status& v) {
    uint64_t s = 0;
    if (!varint(s)) return;
    if (s > static_cast<uint64_t>(Status::Retired))
      return (void)fail("not a status (" + std::to_string(s) + ")");
    v = static_cast<Status>(s);
  }
  template <OptionalMember O>
  void io(O& v) {
    unsigned char present = 0;
    if (!byte(present)) return;
    if (present > 1) return (void)fail("not a presence flag (" + std::to_string(present) + ")");
    if (present == 0) return v.reset();
    v.emplace();
    io(*v);
  }
  template <class T>
  void io(std::vector<T>& v) {
    size_t n = 0;
    if (!count(minPackedSize<T>(), n)) return;
    v.clear();
    v.reserve(n);
    for (size_t i = 0; i < n && !failed(); ++i) {
      push({{}, i, true});
      io(v.emplace_back());  // in place: a model moved is every member moved
      --depth_;
    }
  }
  template <class T>
  void io(std::map<std::string, T>& m) {
    size_t n = 0;
    if (!count(1 + minPackedSize<T>(), n)) return;
    m.clear();
    for (size_t i = 0; i < n && !failed(); ++i) {
      size_t k = 0;
      if (!stringIndex(k)) return;
      auto [it, inserted] = m.try_emplace(std::string(strings_[k]));
      push({strings_[k]});
      size_t problems = problems_.size();
      if (inserted) {
        io(it->second);  // in place (a failed read discards the whole catalog)
      } else {
        T again{};
        io(again);
        if (!failed()) fail("a key appears twice");
      }
      // As from JSON: an entry with problems is left out (a bad source is not one to refer to).
      if (inserted && problems_.size() != problems) m.erase(it);
      --depth_;
    }
  }
  // An object, then its checks.
  template <class T>
  void io(T& x) {
    members::visit(*this, x);
    if (!failed()) checks::decoded(Reporter(*this), x);
  }

  // ---- for Reporter ----
  std::string path() const {
    std::string out;
    for (size_t i = 0; i < std::min(depth_, path_.size()); ++i) {
      const Segment& s = path_[i];
      if (s.isIndex) {
        out += "[" + std::to_string(s.index) + "]";
      } else {
        if (!out.empty()) out += '.';
        if (s.name)
          out += s.name;
        else
          out += s.key;
      }
    }
    return out;
  }
  void report(std::string path, std::string message) const {
    problems_.push_back({std::move(path), std::move(message)});
  }
  const ReadContext* context() const { return hasContext_ ? &context_ : nullptr; }

 private:
  struct Cursor {
    const unsigned char* p = nullptr;
    const unsigned char* end = nullptr;
    uint64_t left() const { return static_cast<uint64_t>(end - p); }
  };
  // A member's name stays a C string until a path is written (its strlen on every field read was 6%
  // of a load); a map's key is a view into the string table.
  struct Segment {
    std::string_view key;
    size_t index = 0;
    bool isIndex = false;
    const char* name = nullptr;
    static Segment member(const char* name) { return {{}, 0, false, name}; }
  };
  // A named place in the path while the header and the tables are read.
  class Place {
   public:
    Place(Reader& r, const char* name) : r_(r) {
      r_.push(Segment::member(name));
      r_.cur_ = &r_.head_;
    }
    ~Place() { --r_.depth_; }

   private:
    Reader& r_;
  };

  bool failed() const { return !error_.empty(); }

  void push(Segment s) {
    if (depth_ < path_.size()) path_[depth_] = s;  // (deeper never happens: the types are fixed)
    ++depth_;
  }

  bool fail(const std::string& what) {
    if (!failed()) {
      std::string where = path();
      error_ = "pack: " + what + (where.empty() ? "" : " in " + where);
    }
    return false;
  }

  // The stream of a member: looked up by name once, then found in a small cache by the address of
  // the name (a string literal) and the kind. A stream the pack lacks reads as empty.
  Cursor* stream(const char* name, char tag) {
    uint64_t h = (static_cast<uint64_t>(reinterpret_cast<uintptr_t>(name)) ^
                  static_cast<unsigned char>(tag)) *
                 0x9E3779B97F4A7C15ull;
    CacheEntry& e = cache_[h >> (64 - kCacheBits)];
    if (e.name == name && e.tag == tag) return e.cursor;
    auto it = byName_.find(streamName(name, tag));
    e = {name, tag, it == byName_.end() ? &missing_ : &streams_[it->second]};
    return e.cursor;
  }

  bool byte(unsigned char& b) {
    if (failed()) return false;
    if (cur_->p == cur_->end) return fail("truncated");
    b = *cur_->p++;
    --left_;
    return true;
  }

  bool varint(uint64_t& v) {
    v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      unsigned char b = 0;
      if (!byte(b)) return false;
      if (shift == 63 && b > 1) break;
      v |= static_cast<uint64_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) return true;
    }
    return fail("a number does not fit in 64 bits");
  }

  // Up to the next kEnd, in the header.
  bool terminated(std::string_view& s) {
    if (failed()) return false;
    const void* at = std::memchr(head_.p, static_cast<unsigned char>(kEnd), head_.left());
    if (!at) return fail("truncated");
    auto* stop = static_cast<const unsigned char*>(at);
    s = std::string_view(reinterpret_cast<const char*>(head_.p), stop - head_.p);
    head_.p = stop + 1;
    return true;
  }

  // 0: the next string not used yet; i > 0: strings_[i - 1].
  bool stringIndex(size_t& i) {
    uint64_t v = 0;
    if (!varint(v)) return false;
    if (v == 0) {
      if (next_ >= strings_.size()) return fail("more strings used than the table holds");
      i = next_++;
      return true;
    }
    if (v > strings_.size())
      return fail("string " + std::to_string(v - 1) + " is not in the table of " +
                  std::to_string(strings_.size()));
    i = static_cast<size_t>(v - 1);
    return true;
  }

  // A count of items of at least `itemBytes` bytes each: no more than the bytes left can hold.
  bool count(size_t itemBytes, size_t& n) {
    uint64_t claimed = 0;
    if (!varint(claimed)) return false;
    if (claimed > left_ / itemBytes)
      return fail("truncated (" + std::to_string(claimed) + " items claimed, " +
                  std::to_string(left_) + " bytes left)");
    n = static_cast<size_t>(claimed);
    return true;
  }

  static constexpr int kCacheBits = 10;
  struct CacheEntry {
    const char* name = nullptr;
    char tag = 0;
    Cursor* cursor = nullptr;
  };

  Cursor head_;  // the header and the two tables
  Cursor missing_;
  Cursor* cur_ = &head_;
  std::vector<Cursor> streams_;
  std::unordered_map<std::string, size_t> byName_;
  std::vector<std::string_view> names_;  // of streams_
  std::array<CacheEntry, size_t{1} << kCacheBits> cache_{};
  uint64_t left_;  // in all the streams, once they are known
  std::vector<Problem>& problems_;
  std::string error_;
  std::vector<std::string_view> strings_;
  std::vector<bool> balanced_;
  size_t next_ = 0;
  // The place being read; the types nest at most 7 deep (models[3].creator.alternatives[0].value).
  std::array<Segment, 12> path_{};
  size_t depth_ = 0;
  ReadContext context_;
  bool hasContext_ = false;
};

void Reporter::problemAt(std::string_view key, std::string message) const {
  std::string here = reader_.path();
  reader_.report(here.empty() ? std::string(key) : here + "." + std::string(key),
                 std::move(message));
}

const ReadContext* Reporter::context() const { return reader_.context(); }

}  // namespace

bool isCatalogPack(std::string_view bytes) {
  return bytes.substr(0, kPackMagic.size()) == kPackMagic;
}

std::string packCatalog(const Catalog& catalog) {
  // The archives take the catalog by non-const reference (one visit() per type serves reading
  // too); writing only reads it.
  Catalog& c = const_cast<Catalog&>(catalog);
  StringCollector collector;
  collector.io(c);
  Writer writer(collector.index);
  writer.io(c);
  std::string out(kPackMagic);
  putVarint(out, kPackFormatVersion);
  putVarint(out, collector.strings.size());
  for (std::string_view s : collector.strings) {
    out += s;
    out += kEnd;
  }
  putVarint(out, writer.streams.size());
  for (const auto& [name, bytes] : writer.streams) {
    out += name;
    out += kEnd;
    putVarint(out, bytes.size());
  }
  for (const auto& stream : writer.streams) out += stream.second;
  return out;
}

LoadResult loadCatalogPack(std::string_view bytes) {
  LoadResult result;
  if (bytes.size() > kMaxCatalogBytes) {
    result.problems.push_back({"", "pack: " + catalogTooLarge()});
    return result;
  }
  Catalog catalog;
  Reader reader(bytes, result.problems);
  if (reader.header() && reader.stringTable() && reader.streamTable()) {
    reader.io(catalog);
    reader.end();
  }
  if (!reader.error().empty()) {
    // Undecodable: whatever was decoded before says nothing more.
    result.problems = {{"", reader.error()}};
    return result;
  }
  catalog.index(result.problems);
  if (result.problems.empty()) result.catalog = std::move(catalog);
  return result;
}

}  // namespace versus
