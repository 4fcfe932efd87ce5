//===- leaky.cpp - A metrics store whose per-sensor series only grow ------===//
//
// Usage: metrics-store-leaky [ticks]
//
// A rack of sensors reports one sample each per tick; the store appends every
// sample to its sensor's series and a dashboard reads recent averages. The
// only removal is unplug(), which drops a whole sensor when the hot-plug bus
// reports it gone: that keeps the number of series in check, but not their
// length. A sensor that stays plugged in (most of them, for months) grows
// its series forever.
//
//===----------------------------------------------------------------------===//

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

namespace {

using Millis = std::int64_t;

struct Sample {
  Millis at;
  double value;
};

} // namespace

class MetricsStore {
public:
  void record(const std::string &sensor, Sample sample);
  void unplug(const std::string &sensor);
  // Mean of the sensor's last `window` samples, 0 if it has none.
  double recent_mean(const std::string &sensor, std::size_t window) const;
  std::size_t sensor_count() const { return series_.size(); }
  std::size_t sample_count() const;
  std::size_t longest_series() const;

private:
  std::unordered_map<std::string, std::deque<Sample>> series_;
};

void MetricsStore::record(const std::string &sensor, Sample sample) {
  series_[sensor].push_back(sample);
}

void MetricsStore::unplug(const std::string &sensor) { series_.erase(sensor); }

double MetricsStore::recent_mean(const std::string &sensor,
                                 std::size_t window) const {
  auto it = series_.find(sensor);
  if (it == series_.end() || it->second.empty())
    return 0;
  const std::deque<Sample> &series = it->second;
  std::size_t count = window < series.size() ? window : series.size();
  double sum = 0;
  for (std::size_t i = series.size() - count; i < series.size(); ++i)
    sum += series[i].value;
  return sum / static_cast<double>(count);
}

std::size_t MetricsStore::sample_count() const {
  std::size_t total = 0;
  for (const auto &entry : series_)
    total += entry.second.size();
  return total;
}

std::size_t MetricsStore::longest_series() const {
  std::size_t longest = 0;
  for (const auto &entry : series_)
    if (entry.second.size() > longest)
      longest = entry.second.size();
  return longest;
}

namespace {

constexpr std::size_t kSensors = 32;
constexpr Millis kTick = 1000;
// One chance in kUnplugOdds per tick that a sensor is swapped for a new one.
constexpr unsigned kUnplugOdds = 20000;

std::string sensor_name(unsigned serial) {
  static const char *const kKinds[] = {"temperature", "humidity", "fan-rpm",
                                       "power-draw"};
  return "rack" + std::to_string(serial / 4) + "/" + kKinds[serial % 4] + "#" +
         std::to_string(serial);
}

// The hot-plug bus reported the sensor in `slot` gone and a new one,
// `new_serial`, in its place.
void handle_hotplug(MetricsStore &store, std::string &slot,
                    unsigned new_serial) {
  store.unplug(slot);
  slot = sensor_name(new_serial);
}

} // namespace

int main(int argc, char **argv) {
  long ticks = argc > 1 ? std::atol(argv[1]) : 100000;
  std::vector<std::string> plugged(kSensors);
  unsigned next_serial = 0;
  for (std::string &sensor : plugged)
    sensor = sensor_name(next_serial++);

  MetricsStore store;
  std::mt19937 random(3);
  std::uniform_real_distribution<double> noise(-0.5, 0.5);
  std::uniform_int_distribution<unsigned> hotplug(0, kUnplugOdds - 1);
  std::uniform_int_distribution<std::size_t> pick(0, kSensors - 1);
  double dashboard = 0;
  long unplugged = 0;
  for (long tick = 1; tick <= ticks; ++tick) {
    Millis now = tick * kTick;
    for (std::size_t i = 0; i < kSensors; ++i)
      store.record(plugged[i],
                   Sample{now, 20.0 + static_cast<double>(i) + noise(random)});
    if (tick % 60 == 0)
      dashboard = store.recent_mean(plugged[pick(random)], 60);
    if (hotplug(random) == 0) {
      handle_hotplug(store, plugged[pick(random)], next_serial++);
      ++unplugged;
    }
  }
  std::printf("Done: ticks=%ld, sensors=%zu, unplugged=%ld, samples=%zu, "
              "longest_series=%zu, dashboard=%.1f\n",
              ticks, store.sensor_count(), unplugged, store.sample_count(),
              store.longest_series(), dashboard);
}
