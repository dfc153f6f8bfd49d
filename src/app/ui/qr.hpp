// A QR code of a text (the share link, a program's URL), drawn with ImGui rectangles.
#pragma once

#include <string>

namespace shisaku::app::widgets {

// Draws a QR code `size` pixels wide at the cursor; false when the text is too long to encode.
bool qr_code(const std::string& text, float size);

}  // namespace shisaku::app::widgets
