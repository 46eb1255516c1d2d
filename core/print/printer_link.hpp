// The wire to the receipt printer: a USB printer device (/dev/usb/lp0) or a raw TCP socket
// (port 9100, "JetDirect"), named by the setting printer.device. One call sends one slip after
// asking the printer's real-time status, all with timeouts, so a printer that is off, unplugged
// or out of paper costs the caller at most a few seconds on a worker thread and never hangs.
#pragma once

#include "core/print/escpos.hpp"

#include <string>
#include <string_view>

namespace indgang::print {

struct PrinterTarget {
    enum class Kind { None, Device, Tcp } kind = Kind::None;
    std::string path;          // Device
    std::string host;          // Tcp
    int port = 9100;
};
// "" → None; "tcp://HOST[:PORT]" → Tcp; an absolute path → Device. Throws DomainError::Invalid
// with a plain message otherwise (a relative path, a port that is not 1-65535).
PrinterTarget parse_printer_target(std::string_view setting);

struct LinkTimeouts {
    int connect_ms = 3000;
    int status_ms = 1500;      // a printer without a back channel never answers: print anyway
    int write_ms = 10000;      // a 600-row raster at 115 kbit/s USB-serial takes about 3 s
};

enum class SendOutcome {
    Printed,                   // every byte written (and the printer did not say it could not)
    NotReady,                  // the printer answered: offline, cover open, paper out; nothing sent
    Unreachable,               // no device, connection refused or timed out, write failed
};
struct SendResult {
    SendOutcome outcome = SendOutcome::Unreachable;
    PrinterStatus status;      // status.answered = false when the printer did not answer
    std::string detail;        // for the log and staff mode, never shown to the visitor
};

// Opens the target, asks DLE EOT 1/2/4, then writes `job` unless the answer says the printer
// cannot print. Only the status query decides NotReady; silence means "send and hope", as the
// printers of this class without a back channel (USB-serial adapters) never answer.
SendResult send_job(const PrinterTarget& target, const std::string& job, const LinkTimeouts& t = {});

// Asks the status only (staff mode's printer line).
SendResult query_status(const PrinterTarget& target, const LinkTimeouts& t = {});

}  // namespace indgang::print
