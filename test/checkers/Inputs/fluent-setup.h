// Configuration classes defined in a header, as a header-only HTTP library
// or web framework defines its server: a TU that includes it sees its own
// calls and its own instances only. Each configuration method returns a
// reference for chaining (`Svr.Get(...).Post(...)`), and none is named like
// set-up.
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

using Handler = void (*)(int);

class Cors;

// A rule hands further configuration back to its middleware, as crow's
// CORSRules::prefix does.
struct Rules {
  explicit Rules(Cors *Handler = nullptr) : Handler(Handler) {}
  Rules &prefix(const std::string &Prefix);

  Cors *Handler;
  int Flags = 0;
};

// Fluent builder: every configuration method returns `*this`.
class Server {
public:
  Server &Get(const std::string &Pattern, Handler H);
  Server &WebSocket(const std::string &Pattern, Handler H) {
    Sockets.push_back({Pattern, H});
    return *this;
  }
  Server &Mount(const std::string &Dir) {
    if (Dir.empty())
      return *this;
    Mounts.push_back(Dir);
    return *this;
  }

  // Lookalikes that stay reported: a void function, and a reference to a
  // member other than the one it grows.
  void Upgrade(const std::string &Pattern) { Upgrades.push_back(Pattern); }
  std::string &Log(const std::string &Line) {
    Lines.push_back(Line);
    return Last;
  }

  void listen() {}

private:
  std::vector<std::pair<std::string, Handler>> Gets;
  std::vector<std::pair<std::string, Handler>> Sockets;
  std::vector<std::string> Mounts;
  std::vector<std::string> Upgrades;
  std::vector<std::string> Lines;
  std::string Last;
};

// Defined out of line, as httplib does.
inline Server &Server::Get(const std::string &Pattern, Handler H) {
  Gets.push_back({Pattern, H});
  return *this;
}

// A middleware's rules: each configuration method returns the element it
// has just added, for the caller to fill in.
class Cors {
public:
  Rules &prefix(const std::string &Prefix) {
    ByPrefix.emplace_back(Prefix, Rules(this));
    return ByPrefix.back().second;
  }
  Rules &area(const std::string &Area) { return ByArea.emplace_back(); }
  Rules &host(const std::string &Host) {
    return ByHost.emplace(Host, Rules()).first->second;
  }
  const std::string &tag(const std::string &Tag) { return *Tags.insert(Tag).first; }
  Rules &method(const std::string &Method) {
    ByMethod[Method] = Rules();
    return ByMethod[Method];
  }

  // Lookalikes that stay reported: an accessor that inserts on a miss, and
  // a cache filled after a lookup.
  Rules &slot(const std::string &Name) { return Slots[Name]; }
  Rules &cached(const std::string &Key) {
    if (Cache.count(Key) == 0)
      Cache.emplace(Key, Rules());
    return Cache[Key];
  }

private:
  std::vector<std::pair<std::string, Rules>> ByPrefix;
  std::vector<Rules> ByArea;
  std::map<std::string, Rules> ByHost;
  std::set<std::string> Tags;
  std::map<std::string, Rules> ByMethod;
  std::map<std::string, Rules> Slots;
  std::map<std::string, Rules> Cache;
};

// Forwarding to configuration is configuration.
inline Rules &Rules::prefix(const std::string &Prefix) {
  return Handler->prefix(Prefix);
}
