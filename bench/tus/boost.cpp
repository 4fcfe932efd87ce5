// Real headers no one here wrote: Boost from libboost-dev.
#include <boost/asio.hpp>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/spirit/include/qi.hpp>
#include <boost/multi_index_container.hpp>
#include <boost/multi_index/ordered_index.hpp>
#include <boost/circular_buffer.hpp>

int main() { return 0; }
