import Build
import Hummingbird
