#pragma once
// The manifest dedeleg writes into every folder of outputs it makes (a Forum
// paper): the files it wrote there, each with its size and checksum. It is how
// --force tells an earlier output folder, as dedeleg left it, from a folder
// that holds anything else (someone's files, edits, a subfolder), which it
// must never replace.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace io {

/// The manifest's name inside the folder (hidden, so it does not crowd the outputs).
inline constexpr std::string_view kManifestName = ".dedeleg-manifest";

/// Writes the manifest of `files` (names of regular files already written in
/// `folder`), flushing each file to disk first. Throws calc::InputError
/// ("folder: ...") if a file cannot be read or the manifest written.
void write_manifest(const std::filesystem::path& folder, const std::vector<std::string>& files);

/// Why `folder` is not an earlier output folder exactly as dedeleg left it,
/// or empty when it is: it has a manifest, holds nothing but that and the
/// regular files it lists, and each of those has its listed size and
/// checksum (a listed file that is gone is allowed: nothing is lost).
std::string why_not_an_earlier_output(const std::filesystem::path& folder);

/// The names `folder`'s manifest lists; empty when it has none or it cannot be read.
std::vector<std::string> manifest_files(const std::filesystem::path& folder);

}  // namespace io
