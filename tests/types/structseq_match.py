import os, sys, time
print(time.struct_time.__match_args__)
print(os.stat_result.__match_args__, os.terminal_size.__match_args__)
print(sys.version_info.__match_args__[:3], type(sys.flags).__match_args__[:2])
match time.gmtime(0):
    case time.struct_time(year, mon, day):
        print("matched", year, mon, day)
match sys.version_info:
    case (major, minor, *_):
        print(major, minor)
