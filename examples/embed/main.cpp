// article-map ARTICLE OUT.png|.svg|.pdf [DATA_DIR]: a report generator's use of frontmap in a few
// lines. The map maker opens the data once; a program drawing many maps keeps it.
#include <frontmap/frontmap.hpp>

#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: article-map ARTICLE OUT.png|.svg|.pdf [DATA_DIR]\n";
        return 2;
    }
    try {
        std::ifstream in(argv[1], std::ios::binary);
        const std::string article{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        frontmap::MapMaker maker(argc > 3 ? argv[3] : "");
        frontmap::MapOptions options;
        options.source = "Example Wire";
        const std::string bytes = maker.map(article, options, frontmap::format_of(argv[2]));
        std::ofstream(argv[2], std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        std::cout << "frontmap " << frontmap::version() << ": " << bytes.size() << " bytes to " << argv[2] << "\n";
    } catch (const frontmap::Error& e) {
        std::cerr << "article-map: error: " << e.subject() << ": " << e.reason() << "\n";
        return 1;
    }
    return 0;
}
