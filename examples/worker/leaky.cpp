//===- leaky.cpp - A worker thread that keeps every result ----------------===//
//
// Usage: worker-leaky [jobs]
//
// A background worker takes jobs from a queue until it is told to stop. It
// collects its results in a vector declared before its endless loop and only
// ever appends to it, so the worker's memory grows with every job it runs.
//
//===----------------------------------------------------------------------===//

#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

class JobQueue {
public:
  void push(int Job) {
    std::lock_guard<std::mutex> Lock(Mutex);
    Jobs.push_back(Job);
    Ready.notify_one();
  }
  // Blocks for the next job; false once closed and drained.
  bool pop(int &Job) {
    std::unique_lock<std::mutex> Lock(Mutex);
    Ready.wait(Lock, [this] { return Closed || !Jobs.empty(); });
    if (Jobs.empty())
      return false;
    Job = Jobs.front();
    Jobs.pop_front();
    return true;
  }
  void close() {
    std::lock_guard<std::mutex> Lock(Mutex);
    Closed = true;
    Ready.notify_all();
  }

private:
  std::mutex Mutex;
  std::condition_variable Ready;
  std::deque<int> Jobs;
  bool Closed = false;
};

std::atomic<long> Published{0};

void publish(const std::string &Result) { Published += Result.size() > 0; }

void worker(JobQueue &Queue) {
  std::vector<std::string> Results;
  int Job = 0;
  while (Queue.pop(Job)) {
    Results.push_back("result of job " + std::to_string(Job) +
                      std::string(100, '.'));
    publish(Results.back());
  }
  std::printf("Done: published=%ld, kept=%zu\n", Published.load(),
              Results.size());
}

int main(int Argc, char **Argv) {
  long Jobs = Argc > 1 ? std::atol(Argv[1]) : 100000;
  JobQueue Queue;
  std::thread Worker(worker, std::ref(Queue));
  for (long I = 0; I < Jobs; ++I)
    Queue.push(static_cast<int>(I));
  Queue.close();
  Worker.join();
}
