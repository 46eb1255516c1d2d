// Printing off the main thread: the screen hands over a slip and keeps drawing; rendering,
// the status query and the write (seconds, when a printer is off) happen on one worker. The
// main thread reads the latest state each frame; nothing here touches ImGui or the database.
// A slip is made only after the core has committed the booking, ticket or check-in, so a
// printer failure can never undo or decide one.
#pragma once

#include "core/db/sqlite.hpp"
#include "core/print/printer_link.hpp"
#include "print/slip_render.hpp"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

namespace indgang::kiosk {

enum class PrintState {
    Idle,           // nothing asked yet on this screen
    Printing,
    Printed,
    PaperOut,       // "the printer is empty — please ask the staff"
    CoverOpen,
    Offline,        // offline, unreachable or an error: "the printer is not working right now"
};

// The printer as staff mode shows it, from the last DLE EOT answer (a status query or a slip).
enum class PrinterHealth {
    NotSet,         // printer.device is empty
    Unknown,        // not asked yet
    Ready,          // answered ready, or took the last job (printers without a back channel)
    PaperOut,
    CoverOpen,
    Offline,        // said offline, or unreachable (unplugged, off, wrong address)
    Error,          // cutter jam, overheating; or the slip could not be drawn
};
PrinterHealth health_of(const print::SendResult& r);

class PrintWorker {
public:
    PrintWorker(print::PrinterTarget target, print::Paper paper, print::LinkTimeouts timeouts = {});
    ~PrintWorker();                    // finishes the slip in hand, drops the rest, joins
    PrintWorker(const PrintWorker&) = delete;
    PrintWorker& operator=(const PrintWorker&) = delete;

    bool enabled() const { return target_.kind != print::PrinterTarget::Kind::None; }
    // Queues one slip; the state becomes Printing at once. At most two wait (a double tap on
    // Print must not print a roll of slips): more are dropped.
    void submit(Slip slip);
    PrintState state() const;
    void clear_state();                // a new visitor: the last one's "printed" is not theirs
    std::string last_detail() const;   // for the log and staff mode
    // Staff mode: ask the printer's real-time status on the worker (no paper used). A slip
    // waiting is printed first; its answer is as good.
    void check_status();
    PrinterHealth health() const;
    int health_generation() const;     // bumped on every answer: staff mode redraws

private:
    void run();
    print::PrinterTarget target_;
    print::Paper paper_;
    print::LinkTimeouts timeouts_;
    mutable std::mutex mu_;
    std::condition_variable cv_;
    std::deque<Slip> queue_;
    PrintState state_ = PrintState::Idle;
    std::string detail_;
    PrinterHealth health_ = PrinterHealth::Unknown;
    int health_generation_ = 0;
    bool status_wanted_ = false;
    bool stop_ = false;
    std::thread thread_;               // last: starts after everything above exists
};

// The state from one link answer.
PrintState state_of(const print::SendResult& r);

// printer.paper_mm: 58 or 80. The settings table's range lets 59..79 through; those are refused
// here, where the value is read, as no printer of this class has such a roll.
std::optional<print::Paper> paper_for_mm(long long mm);
// The setting, read once when printing starts; another width is logged and 80 mm used.
print::Paper paper_setting(db::Db& db);

}  // namespace indgang::kiosk
