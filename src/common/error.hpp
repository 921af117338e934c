#pragma once
// The exception root is public: a program that embeds frontmap catches frontmap::Error.
#include "frontmap/error.hpp"
