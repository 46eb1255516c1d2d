#include "file_output.hpp"

#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace indgang::admin {

void write_file_replacing(const std::string& path, const std::string& bytes) {
    const std::string tmp = path + ".tmp";
    {
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        f.flush();
        if (!f) {
            std::error_code ec;
            std::filesystem::remove(tmp, ec);
            throw std::runtime_error("could not write " + path + " (disk full or no permission?)");
        }
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        std::filesystem::remove(tmp, ec);
        throw std::runtime_error("could not write " + path + ": " + ec.message());
    }
}

}  // namespace indgang::admin
