// For the window tests under Xvfb (no window manager there): finds a window by
// its title and asks it to close as its close button would (WM_DELETE_WINDOW),
// optionally pressing Esc in it first.
// Usage: x_close_window TITLE [--escape]. Exit 0 once sent; 1 if no window with
// that title appeared within 30 s; 2 if there is no display.
#include <X11/Xlib.h>
#include <X11/keysym.h>

#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <string>

namespace {

Window find(Display* display, Window window, const std::string& title) {
    char* name = nullptr;
    if (XFetchName(display, window, &name) != 0 && name != nullptr) {
        const bool match = title == name;
        XFree(name);
        if (match) return window;
    }
    Window root = 0, parent = 0, *children = nullptr;
    unsigned count = 0;
    if (XQueryTree(display, window, &root, &parent, &children, &count) == 0) return 0;
    Window found = 0;
    for (unsigned i = 0; i < count && found == 0; ++i) found = find(display, children[i], title);
    if (children != nullptr) XFree(children);
    return found;
}

void send_key(Display* display, Window window, KeySym key) {
    for (const int type : {KeyPress, KeyRelease}) {
        XEvent event{};
        event.xkey.type = type;
        event.xkey.display = display;
        event.xkey.window = window;
        event.xkey.root = DefaultRootWindow(display);
        event.xkey.time = CurrentTime;
        event.xkey.same_screen = True;
        event.xkey.keycode = XKeysymToKeycode(display, key);
        XSendEvent(display, window, True, type == KeyPress ? KeyPressMask : KeyReleaseMask, &event);
        XFlush(display);
        ::usleep(200'000);
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: x_close_window TITLE [--escape]\n");
        return 2;
    }
    Display* display = XOpenDisplay(nullptr);
    if (display == nullptr) {
        std::fprintf(stderr, "x_close_window: no display\n");
        return 2;
    }
    Window window = 0;
    for (int tries = 0; tries < 300 && window == 0; ++tries) {
        window = find(display, DefaultRootWindow(display), argv[1]);
        if (window == 0) ::usleep(100'000);
    }
    if (window == 0) {
        std::fprintf(stderr, "x_close_window: no window \"%s\"\n", argv[1]);
        return 1;
    }
    ::sleep(2);  // let it draw its first frames (and any dialog) before the close lands
    if (argc > 2 && std::strcmp(argv[2], "--escape") == 0) send_key(display, window, XK_Escape);
    XEvent event{};
    event.xclient.type = ClientMessage;
    event.xclient.window = window;
    event.xclient.message_type = XInternAtom(display, "WM_PROTOCOLS", False);
    event.xclient.format = 32;
    event.xclient.data.l[0] = static_cast<long>(XInternAtom(display, "WM_DELETE_WINDOW", False));
    event.xclient.data.l[1] = CurrentTime;
    XSendEvent(display, window, False, NoEventMask, &event);
    XFlush(display);
    XCloseDisplay(display);
    return 0;
}
