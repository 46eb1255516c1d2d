// old-schema-db PATH: writes a database as the previous schema left it (every migration but the
// last), for the package test's upgrade step. A blank file while the schema has one migration.
#include "core/db/store.hpp"

#include <cstdio>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: old-schema-db PATH\n");
        return 2;
    }
    indgang::db::Db db(argv[1]);
    indgang::db::migrate(db, indgang::db::schema_version() - 1);
    std::printf("%d\n", indgang::db::schema_version() - 1);
    return 0;
}
