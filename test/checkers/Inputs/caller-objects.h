// A class whose member functions are all defined in this header, as in a
// header-only library: bloat-unbounded-container-caller-objects.cpp includes
// it and sees none of the other TUs' instances.
#include <map>
#include <string>
#include <vector>

class Response {
public:
  void header(const std::string &Name, const std::string &Value) {
    Headers.emplace_back(Name, Value);
  }
  void contentType(const std::string &Type) { header("Content-Type", Type); }
  std::size_t size() const { return Headers.size(); }

private:
  std::vector<std::pair<std::string, std::string>> Headers;
};

// A response made for each serialisation, in the library's own code.
inline std::size_t serialise(const std::string &Body) {
  Response Out;
  Out.contentType(Body.empty() ? "text/plain" : "text/html");
  return Out.size();
}
