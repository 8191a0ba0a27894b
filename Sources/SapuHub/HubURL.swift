import SapuCore
