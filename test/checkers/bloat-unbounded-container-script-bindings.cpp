// bloat-unbounded-container: ScriptBindingFunctions (issue 11). A function
// whose address is passed to a function matching the option is a script
// binding: scripts call it while they load, so it is set-up code, not a
// root; it repeats only through other evidence (a loop in it, another root,
// a call in a loop). A lambda it gives to a call (a task for a dispatcher)
// runs as often as the binding does; one it stores by assignment may run
// any number of times. A removal in a binding still bounds a container.
//
// With the option: the bindings without other evidence are silent (the
// plain name `registerGlobalMethod` would match too).
// RUN: %bloat_tidy -checks='-*,bloat-unbounded-container' \
// RUN:   -config="{CheckOptions: {ScriptBindingFunctions: '^(registerMethod|tfs::lua::registerGlobalMethod)$'}}" \
// RUN:   %s -- -std=c++17 2>&1 \
// RUN:   | FileCheck %s --check-prefix=BOUND --implicit-check-not='warning:'
// Without it: every binding is a root (positive).
// RUN: %bloat_tidy -checks='-*,bloat-unbounded-container' \
// RUN:   %s -- -std=c++17 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=BOUND,ROOT --implicit-check-not='warning:'
// The pattern matches the plain or the qualified name as written: anchored,
// a partly qualified name matches neither.
// RUN: %bloat_tidy -checks='-*,bloat-unbounded-container' \
// RUN:   -config="{CheckOptions: {ScriptBindingFunctions: '^(registerMethod|lua::registerGlobalMethod)$'}}" \
// RUN:   %s -- -std=c++17 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=BOUND,MEMBER --implicit-check-not='warning:'
// A malformed pattern is a configuration error; the option is then unset.
// RUN: %bloat_tidy -checks='-*,bloat-unbounded-container' \
// RUN:   -config="{CheckOptions: {ScriptBindingFunctions: '^(registerMethod'}}" \
// RUN:   %s -- -std=c++17 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=BOUND,ROOT,BAD --implicit-check-not='warning:'
// BAD: warning: invalid regular expression '^(registerMethod' in option 'bloat-unbounded-container.ScriptBindingFunctions'

#include <functional>
#include <vector>

struct lua_State;
typedef int (*lua_CFunction)(lua_State *);
void registerMethod(lua_State *L, const char *Class, const char *Method,
                    lua_CFunction Function);
namespace tfs::lua {
void registerGlobalMethod(lua_State *L, const char *Name,
                          lua_CFunction Function);
} // namespace tfs::lua
void pushFunction(lua_State *L, lua_CFunction Function);
void addTask(std::function<void()> Task);
bool nextEvent();

std::vector<int> ActionIds;
static int luaActionId(lua_State *) {
  ActionIds.push_back(1);
  // ROOT-DAG: :[[@LINE-1]]:3: warning: 'ActionIds' (global) grows without bound
  return 0;
}

struct Script {
  static int luaCreateMonster(lua_State *);
};
std::vector<int> Monsters;
// Callable from other TUs, but a binding: callers outside are not assumed.
int Script::luaCreateMonster(lua_State *) {
  Monsters.push_back(1);
  // ROOT-DAG: :[[@LINE-1]]:3: warning: 'Monsters' (global) grows without bound
  // MEMBER-DAG: :[[@LINE-2]]:3: warning: 'Monsters' (global) grows without bound
  return 0;
}

// The dispatcher runs the task once per call of the binding.
std::vector<int> Tiles;
static int luaGameLoadMap(lua_State *) {
  addTask([] {
    Tiles.push_back(1);
    // ROOT-DAG: :[[@LINE-1]]:5: warning: 'Tiles' (global) grows without bound
  });
  return 0;
}

// Stored by assignment: whoever holds it may run it any number of times.
std::vector<int> Ticks;
std::function<void()> OnTick;
static int luaGameOnTick(lua_State *) {
  OnTick = [] {
    Ticks.push_back(1);
    // BOUND-DAG: :[[@LINE-1]]:5: warning: 'Ticks' (global) grows without bound
  };
  return 0;
}

// A loop in the binding.
std::vector<int> Events;
static int luaReadEvents(lua_State *) {
  while (nextEvent())
    Events.push_back(1);
  // BOUND-DAG: :[[@LINE-1]]:5: warning: 'Events' (global) grows without bound
  return 0;
}

// Its address also goes elsewhere: that is still a root.
std::vector<int> Pushed;
static int luaAlsoPushed(lua_State *) {
  Pushed.push_back(1);
  // BOUND-DAG: :[[@LINE-1]]:3: warning: 'Pushed' (global) grows without bound
  return 0;
}

// Also called inside a loop.
std::vector<int> Polled;
static int luaPoll(lua_State *) {
  Polled.push_back(1);
  // BOUND-DAG: :[[@LINE-1]]:3: warning: 'Polled' (global) grows without bound
  return 0;
}

// Grown on every request and cleared by a binding: a script may call the
// binding that removes at any time, so the removal bounds it, with the
// option as without it.
std::vector<int> Outfits;
void onRequest() { Outfits.push_back(1); }
static int luaClearOutfits(lua_State *) {
  Outfits.clear();
  return 0;
}

void registerFunctions(lua_State *L) {
  registerMethod(L, "Action", "id", luaActionId);
  registerMethod(L, "Game", "loadMap", &luaGameLoadMap);
  registerMethod(L, "Game", "onTick", luaGameOnTick);
  registerMethod(L, "Game", "readEvents", luaReadEvents);
  registerMethod(L, "Game", "pushed", luaAlsoPushed);
  pushFunction(L, luaAlsoPushed);
  registerMethod(L, "Game", "poll", luaPoll);
  registerMethod(L, "Player", "clearOutfits", luaClearOutfits);
  tfs::lua::registerGlobalMethod(L, "createMonster", Script::luaCreateMonster);
}

void serve(lua_State *L) {
  while (nextEvent())
    luaPoll(L);
}
