// SIGINT/SIGTERM handling for the binaries: block the signals in every thread (call first in
// main, before any thread starts), then wait for one on a thread of your choice.
#ifndef CIM_LIB_TERMINATION_SIGNALS_H_
#define CIM_LIB_TERMINATION_SIGNALS_H_

namespace cim {

// Blocks SIGINT and SIGTERM in the calling thread and every thread it starts afterwards.
void BlockTerminationSignals();

// Waits until SIGINT or SIGTERM arrives; returns its number.
int WaitForTerminationSignal();

}  // namespace cim

#endif  // CIM_LIB_TERMINATION_SIGNALS_H_
